using Alerts.Analysis;
using Alerts.Delivery;
using Alerts.Novelty;
using Alerts.Storage;
using Alerts.Tests.Infrastructure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Tests.Delivery;

/// <summary>The delivery stage as the hosts wire it (AddAlertsDelivery), over Azurite, with a fake clock. Each harness
/// uses its own storage account prefix-free containers, emptied first, so tests in the collection do not see each
/// other's records.</summary>
internal sealed class DeliveryHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 5, 14, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider services;

    private DeliveryHarness(ServiceProvider services, FakeTimeProvider time)
    {
        this.services = services;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => services;

    public DeliveryLedger Ledger => services.GetRequiredService<DeliveryLedger>();

    public DigestSender Digests => services.GetRequiredService<DigestSender>();

    public BlobDocumentStore Store => services.GetRequiredService<BlobDocumentStore>();

    public static async Task<DeliveryHarness> StartAsync(
        AzuriteFixture azurite,
        string? subscriptionsJson,
        int smtpPort,
        IDictionary<string, string?>? extraSettings = null,
        Action<IServiceCollection>? configure = null)
    {
        // Every test starts from empty delivery state and its own subscriptions.
        foreach (var container in new[] { PipelineNames.DeliveriesContainer, PipelineNames.ConfigContainer, PipelineNames.StatementsContainer })
        {
            var client = azurite.Service.GetBlobContainerClient(container);
            await foreach (var blob in client.GetBlobsAsync())
            {
                await client.DeleteBlobIfExistsAsync(blob.Name);
            }
        }

        if (subscriptionsJson is not null)
        {
            await azurite.Service.GetBlobContainerClient(PipelineNames.ConfigContainer)
                .UploadBlobAsync(SubscriptionStore.BlobName, BinaryData.FromString(subscriptionsJson));
        }

        var settings = new Dictionary<string, string?>
        {
            [PipelineNames.StorageConnection] = azurite.ConnectionString,
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = $"{smtpPort}",
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = "alerts@alerts.test",
            ["Smtp:UnsubscribeAddress"] = "unsubscribe@alerts.test",
            ["Smtp:Timeout"] = "00:00:05",
            ["Notify:RetryDelay"] = "00:00:01",
            ["Notify:MaxRetryDelay"] = "00:01:00",
            ["Notify:SendLease"] = "00:00:30",
            ["Notify:MaxAttempts"] = "5",
            ["Teams:Timeout"] = "00:00:05",
            // The test webhook servers listen on http://127.0.0.1.
            ["Teams:AllowLoopbackWebhooks"] = "true",
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var time = new FakeTimeProvider(Start);
        var collection = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(time)
            .AddAlertsStorage(configuration)
            .AddAlertsNovelty(configuration, inMemory: true)
            .AddAlertsDelivery(configuration);
        collection.AddAlertsAnalysis(configuration);
        configure?.Invoke(collection);
        return new DeliveryHarness(collection.BuildServiceProvider(), time);
    }

    public NotifySubscribersStep Notify => services.GetRequiredService<NotifySubscribersStep>();

    public async Task NotifyAsync(ArticleAnalysis analysis, string name)
    {
        using var json = new MemoryStream(BinaryData.FromObjectAsJson(analysis, AlertsJson.Options).ToArray());
        await Notify.RunAsync(json, name, CancellationToken.None);
    }

    public async Task<List<DeliveryRecord>> RecordsAsync()
    {
        var records = new List<DeliveryRecord>();
        await foreach (var record in Ledger.ListAsync(CancellationToken.None))
        {
            records.Add(record);
        }

        return records;
    }

    public async Task<int> PendingMarkersAsync()
    {
        var count = 0;
        await foreach (var _ in Store.ListNamesAsync(PipelineNames.DeliveriesContainer, DeliveryLedger.PendingPrefix, CancellationToken.None))
        {
            count++;
        }

        return count;
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();

    /// <summary>A record for one alert to one subscriber through one channel, as NotifySubscribers writes it.</summary>
    public DeliveryRecord Record(Alert alert, string subscriberId, string channel, string address) => new()
    {
        Id = $"{alert.Key}/{subscriberId}/{channel}",
        Kind = DeliveryKind.Alert,
        SubscriberId = subscriberId,
        SubscriberName = "News desk",
        Channel = channel,
        Address = address,
        MessageId = MessageIds.For(alert.Key, subscriberId),
        Alerts = [alert],
        Status = DeliveryStatus.Pending,
        Created = Time.GetUtcNow(),
        NextAttempt = Time.GetUtcNow(),
    };
}

internal static class Samples
{
    public static Alert Alert(
        string key = "k1",
        string speaker = "Helen Marsh",
        string? role = "U.S. Defense Secretary",
        string text = "We are preparing every option along the border with Mexico.",
        double relevance = 0.8,
        double sentiment = -0.4,
        string outlet = "Gulf Coast Wire",
        string title = "Marsh says options are ready",
        string url = "https://news.example.org/2026/marsh-options",
        SpeakerKind kind = SpeakerKind.Person)
        => new(key, new Speaker(speaker, role, kind), text, StatementKind.Direct, relevance, sentiment,
            [new AlertSource(outlet, title, url)], DeliveryHarness.Start.AddMinutes(-10), ["military", "Mexico"]);

    public const string HostileText =
        "<script>alert('x')</script> <b>bold</b> [click here](https://evil.example/phish) **loud** _under_ " +
        "<at>Everyone</at> @channel javascript:alert(1) https://evil.example/bare ";

    public static string Subscriptions(params string[] subscribers) => $$"""{"subscribers": [{{string.Join(",", subscribers)}}]}""";

    public static string EmailSubscriber(string id, string address, string cadence = "immediate", string filters = "{}", string timeZone = "UTC")
        => $$$"""{"id": "{{{id}}}", "name": "Sub {{{id}}}", "channels": {"email": {"address": "{{{address}}}"}}, "filters": {{{filters}}}, "cadence": "{{{cadence}}}", "timeZone": "{{{timeZone}}}"}""";

    public static string TeamsSubscriber(string id, string setting)
        => $$$"""{"id": "{{{id}}}", "name": "Sub {{{id}}}", "channels": {"teams": {"webhookSetting": "{{{setting}}}"}}, "cadence": "immediate"}""";
}
