using Alerts.Analysis;
using Alerts.Delivery;
using Alerts.Storage;
using Alerts.Tests.Infrastructure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Tests.Cli;

/// <summary>The operator commands: <c>deliveries</c> shows records and failure reasons, <c>send-test</c> reports each channel.</summary>
public sealed class DeliveryCommandTests : IAsyncLifetime
{
    private readonly string settings = Path.Combine(Path.GetTempPath(), $"settings-{Guid.NewGuid():N}.json");
    private Azurite azurite = null!;
    private MailDev mail = null!;

    public async Task InitializeAsync()
    {
        azurite = await Azurite.StartAsync();
        mail = await MailDev.StartAsync();
        await File.WriteAllTextAsync(settings, System.Text.Json.JsonSerializer.Serialize(new
        {
            IsEncrypted = false,
            Values = new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Smtp__Host"] = "127.0.0.1",
                ["Smtp__Port"] = $"{mail.SmtpPort}",
                ["Smtp__Security"] = "None",
                ["Smtp__From"] = "alerts@alerts.test",
                ["Notify__SubscriptionsFile"] = Path.Combine(RepoPaths.Samples, "subscriptions.json"),
            },
        }));
    }

    public async Task DisposeAsync()
    {
        File.Delete(settings);
        await mail.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task Deliveries_Failed_ListsOnlyFailedRecordsWithTheirReason()
    {
        var store = new BlobDocumentStore(new BlobServiceClient(azurite.ConnectionString), new NoBlobEvents());
        await store.EnsureContainersAsync(CancellationToken.None);
        await store.UpsertAsync(PipelineNames.DeliveriesContainer, DeliveryLedger.RecordName("k1/desk/email"), Record("k1", DeliveryStatus.Sent, null), CancellationToken.None);
        await store.UpsertAsync(PipelineNames.DeliveriesContainer, DeliveryLedger.RecordName("k2/desk/teams"), Record("k2", DeliveryStatus.Failed, "webhook answered HTTP 404 Not Found"), CancellationToken.None);

        var (exit, stdout, stderr) = await ReplayCommandTests.RunAsync("deliveries", "--failed", "--settings", settings);

        Assert.True(exit == 0, stderr);
        Assert.Contains("failed", stdout, StringComparison.Ordinal);
        Assert.Contains("reason: webhook answered HTTP 404 Not Found", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("sent ", stdout, StringComparison.Ordinal);
        Assert.Contains("1 deliveries: 0 sent, 0 pending, 1 failed; 0 statement(s) waiting for digests", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliveriesRetry_Id_PutsThatFailedRecordBackToPendingForTheRedriveToSend()
    {
        await using var services = DeliveryServices();
        var store = services.GetRequiredService<BlobDocumentStore>();
        await store.EnsureContainersAsync(CancellationToken.None);
        await store.UpsertAsync(PipelineNames.DeliveriesContainer, DeliveryLedger.RecordName("k1/desk/email"), Record("k1", DeliveryStatus.Failed, "gave up after 10 attempts; last: SocketException"), CancellationToken.None);
        await store.UpsertAsync(PipelineNames.DeliveriesContainer, DeliveryLedger.RecordName("k2/desk/email"), Record("k2", DeliveryStatus.Failed, "gave up after 10 attempts; last: SocketException"), CancellationToken.None);
        await store.UpsertAsync(PipelineNames.DeliveriesContainer, DeliveryLedger.RecordName("k3/desk/email"), Record("k3", DeliveryStatus.Sent, null), CancellationToken.None);
        var ledger = services.GetRequiredService<DeliveryLedger>();

        var (exit, stdout, stderr) = await ReplayCommandTests.RunAsync("deliveries", "retry", "k2/desk/email", "--settings", settings);
        var (notFailed, _, notFailedError) = await ReplayCommandTests.RunAsync("deliveries", "retry", "k3/desk/email", "--settings", settings);

        Assert.True(exit == 0, stderr);
        Assert.Contains("k2/desk/email: pending again", stdout, StringComparison.Ordinal);
        Assert.Equal(Alerts.Host.Cli.Failed, notFailed);
        Assert.Contains("k3/desk/email: not failed (sent)", notFailedError, StringComparison.Ordinal);
        var retried = (await ledger.ReadAsync("k2/desk/email", CancellationToken.None))!;
        Assert.Equal(DeliveryStatus.Pending, retried.Status);
        Assert.Equal(0, retried.Attempts);
        Assert.Equal(DeliveryStatus.Failed, (await ledger.ReadAsync("k1/desk/email", CancellationToken.None))!.Status);

        Assert.Equal(1, await ledger.RedriveAsync(CancellationToken.None));
        Assert.Equal(0, await ledger.RedriveAsync(CancellationToken.None));
        var email = Assert.Single(await mail.EmailsAsync());
        Assert.Equal("<k2.desk@alerts.test>", email.Header("message-id"));
        Assert.Equal(DeliveryStatus.Sent, (await ledger.ReadAsync("k2/desk/email", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task DeliveriesRetry_Failed_PutsEveryFailedRecordBackAndTheRedriveSendsEachOnce()
    {
        await using var services = DeliveryServices();
        var store = services.GetRequiredService<BlobDocumentStore>();
        await store.EnsureContainersAsync(CancellationToken.None);
        await store.UpsertAsync(PipelineNames.DeliveriesContainer, DeliveryLedger.RecordName("k1/desk/email"), Record("k1", DeliveryStatus.Failed, "SMTP authentication failed"), CancellationToken.None);
        await store.UpsertAsync(PipelineNames.DeliveriesContainer, DeliveryLedger.RecordName("k2/desk/email"), Record("k2", DeliveryStatus.Failed, "gave up after 10 attempts; last: SocketException"), CancellationToken.None);
        await store.UpsertAsync(PipelineNames.DeliveriesContainer, DeliveryLedger.RecordName("k3/desk/email"), Record("k3", DeliveryStatus.Sent, null), CancellationToken.None);
        var ledger = services.GetRequiredService<DeliveryLedger>();

        var (exit, stdout, stderr) = await ReplayCommandTests.RunAsync("deliveries", "retry", "--failed", "--settings", settings);

        Assert.True(exit == 0, stderr);
        Assert.Contains("2 failed deliveries put back to pending", stdout, StringComparison.Ordinal);
        Assert.Equal(2, await ledger.RedriveAsync(CancellationToken.None));
        Assert.Equal(0, await ledger.RedriveAsync(CancellationToken.None));
        var sent = (await mail.EmailsAsync()).Select(e => e.Header("message-id")).Order().ToList();
        Assert.Equal(["<k1.desk@alerts.test>", "<k2.desk@alerts.test>"], sent);
        await foreach (var record in ledger.ListAsync(CancellationToken.None))
        {
            Assert.Equal(DeliveryStatus.Sent, record.Status);
        }
    }

    [Fact]
    public async Task SendTest_Subscriber_SendsThroughEachChannelAndReportsEach()
    {
        var (exit, stdout, _) = await ReplayCommandTests.RunAsync("send-test", "defense-analysts", "--settings", settings);

        // Email works; the Teams webhook setting is not set here, so that channel waits for it and says which setting.
        Assert.Equal(Alerts.Host.Cli.Failed, exit);
        Assert.Contains("email  analysts@example.test: sent", stdout, StringComparison.Ordinal);
        Assert.Contains("teams  Teams__Webhooks__Analysts: FAILED (configuration, would wait for the fix): setting 'Teams__Webhooks__Analysts'", stdout, StringComparison.Ordinal);
        var email = Assert.Single(await mail.EmailsAsync());
        Assert.Equal("analysts@example.test", Assert.Single(email.To).Address);
    }

    [Fact]
    public async Task SendTest_UnknownSubscriber_SaysSo()
    {
        var (exit, _, stderr) = await ReplayCommandTests.RunAsync("send-test", "nobody", "--settings", settings);

        Assert.Equal(Alerts.Host.Cli.BadUsage, exit);
        Assert.Contains("No subscriber 'nobody'", stderr, StringComparison.Ordinal);
    }

    /// <summary>The delivery stage over the same storage and mailbox, to run the redrive as the host's timer would.</summary>
    private ServiceProvider DeliveryServices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [PipelineNames.StorageConnection] = azurite.ConnectionString,
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = $"{mail.SmtpPort}",
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = "alerts@alerts.test",
        }).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddAlertsStorage(configuration)
            .AddAlertsDelivery(configuration)
            .BuildServiceProvider();
    }

    private static DeliveryRecord Record(string key, DeliveryStatus status, string? error) => new()
    {
        Id = $"{key}/desk/email",
        Kind = DeliveryKind.Alert,
        SubscriberId = "desk",
        SubscriberName = "News desk",
        Channel = "email",
        Address = "desk@example.test",
        MessageId = $"{key}.desk",
        Alerts = [new Alert(key, new Speaker("Helen Marsh", null, SpeakerKind.Person), "We are ready.", StatementKind.Direct, 0.8, 0, [], DateTimeOffset.UnixEpoch, [])],
        Status = status,
        Created = new DateTimeOffset(2026, 3, 5, 14, 0, 0, TimeSpan.Zero),
        Sent = status == DeliveryStatus.Sent ? new DateTimeOffset(2026, 3, 5, 14, 0, 1, TimeSpan.Zero) : null,
        Attempts = 1,
        LastError = error,
    };
}
