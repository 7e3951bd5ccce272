using Alerts.Delivery;
using Alerts.Storage;
using Alerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alerts.Tests.Delivery;

/// <summary>The subscriptions document in config/: seeded from a file, reloaded without restart, bad edits ignored.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class SubscriptionStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Subscribers_BlobEdited_ReloadedAfterTheRefreshIntervalWithoutRestart()
    {
        await using var harness = await DeliveryHarness.StartAsync(
            azurite, Samples.Subscriptions(Samples.EmailSubscriber("desk", "desk@example.test")), smtpPort: 1);
        var store = harness.Services.GetRequiredService<SubscriptionStore>();
        Assert.Equal(["desk"], (await store.SubscribersAsync(CancellationToken.None)).Select(s => s.Id));

        await UploadAsync(Samples.Subscriptions(
            Samples.EmailSubscriber("desk", "desk@example.test"), Samples.EmailSubscriber("ops", "ops@example.test")));
        Assert.Equal(["desk"], (await store.SubscribersAsync(CancellationToken.None)).Select(s => s.Id));
        harness.Time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(["desk", "ops"], (await store.SubscribersAsync(CancellationToken.None)).Select(s => s.Id));
    }

    [Fact]
    public async Task Subscribers_InvalidEdit_KeepsTheLastValidDocument()
    {
        await using var harness = await DeliveryHarness.StartAsync(
            azurite, Samples.Subscriptions(Samples.EmailSubscriber("desk", "desk@example.test")), smtpPort: 1);
        var store = harness.Services.GetRequiredService<SubscriptionStore>();
        await store.SubscribersAsync(CancellationToken.None);

        await UploadAsync(Samples.Subscriptions(Samples.EmailSubscriber("desk", "not an address")));
        harness.Time.Advance(TimeSpan.FromSeconds(31));

        var desk = Assert.Single(await store.SubscribersAsync(CancellationToken.None));
        Assert.Equal("desk@example.test", desk.Channels.Email!.Address);
    }

    [Fact]
    public async Task SendDigests_BlobDeletedAfterAValidLoad_KeepsSubscribersAndTheirQueuedDigest()
    {
        var logs = new CapturingLoggerProvider();
        await using var harness = await DeliveryHarness.StartAsync(
            azurite, Samples.Subscriptions(Samples.EmailSubscriber("desk", "desk@example.test", cadence: "hourly")), smtpPort: 1,
            configure: services => services.AddSingleton<ILoggerProvider>(logs));
        var store = harness.Services.GetRequiredService<SubscriptionStore>();
        await harness.Digests.EnqueueAsync(Assert.Single(await store.SubscribersAsync(CancellationToken.None)), Samples.Alert(), CancellationToken.None);

        await azurite.Service.GetBlobContainerClient(PipelineNames.ConfigContainer).DeleteBlobAsync(SubscriptionStore.BlobName);
        harness.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, await harness.Digests.SendDueAsync(CancellationToken.None));
        Assert.Equal("desk", Assert.Single(await harness.RecordsAsync()).SubscriberId);
        Assert.Equal("desk", Assert.Single(await store.SubscribersAsync(CancellationToken.None)).Id);
        Assert.Contains(logs.Entries, e => e.EventId == 4030 && e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task Subscribers_NoBlob_SeededOnceFromTheSubscriptionsFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"subscriptions-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, Samples.Subscriptions(Samples.EmailSubscriber("seeded", "seeded@example.test")));
        try
        {
            await using var harness = await DeliveryHarness.StartAsync(
                azurite, subscriptionsJson: null, smtpPort: 1, new Dictionary<string, string?> { ["Notify:SubscriptionsFile"] = file });

            var store = harness.Services.GetRequiredService<SubscriptionStore>();

            Assert.Equal("seeded", Assert.Single(await store.SubscribersAsync(CancellationToken.None)).Id);
            var blob = await azurite.Service.GetBlobContainerClient(PipelineNames.ConfigContainer).GetBlobClient(SubscriptionStore.BlobName).DownloadContentAsync();
            Assert.Contains("seeded@example.test", blob.Value.Content.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task UploadAsync(string json)
        => await azurite.Service.GetBlobContainerClient(PipelineNames.ConfigContainer).GetBlobClient(SubscriptionStore.BlobName)
            .UploadAsync(BinaryData.FromString(json), overwrite: true);
}
