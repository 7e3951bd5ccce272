using Alerts.Delivery;
using Alerts.Novelty;
using Alerts.Storage;
using Alerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Tests.Delivery;

/// <summary>NotifySubscribers failing after it claimed statements in the novelty index: the alert is not lost to the
/// poison queue, it arrives once when the redrive resumes the analysis.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class NotifyRecoveryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Text = "We are preparing every option along the border with Mexico.";

    private MailDev mail = null!;

    public async Task InitializeAsync() => mail = await MailDev.StartAsync();

    public async Task DisposeAsync() => await mail.DisposeAsync();

    [Fact]
    public async Task Redrive_NotifyFailedEveryTryAfterClaiming_AlertArrivesOnceAfterTheSubscriptionsAreFixed()
    {
        // A fresh instance with a bad subscriptions edit: reading subscribers throws, after the claim.
        await using var harness = await DeliveryHarness.StartAsync(
            azurite, Samples.Subscriptions(Samples.EmailSubscriber("desk", "not an address")), mail.SmtpPort,
            configure: services => services.AddSingleton<IStatementIndex, BlobStatementIndex>());
        var analysis = EmailDeliveryTests.Analysis("Helen Marsh", Text, id: "stalled-a1");
        await harness.Store.UpsertAsync(PipelineNames.AnalysesContainer, "stalled-a1.json", analysis, CancellationToken.None);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => harness.NotifyAsync(analysis, "stalled-a1.json"));
        }

        await azurite.Service.GetBlobContainerClient(PipelineNames.ConfigContainer).GetBlobClient(SubscriptionStore.BlobName)
            .UploadAsync(BinaryData.FromString(Samples.Subscriptions(Samples.EmailSubscriber("desk", "desk@example.test"))), overwrite: true);
        // A later report of the statement is known: only the stalled analysis may alert on it.
        await harness.NotifyAsync(EmailDeliveryTests.Analysis("Helen Marsh", Text, id: "stalled-a2", minutesAfterOneThirty: 5), "stalled-a2.json");
        var timers = harness.Services.GetRequiredService<DeliveryTimers>();
        await timers.RedriveDeliveriesAsync(CancellationToken.None);
        Assert.Empty(await mail.EmailsAsync());

        harness.Time.Advance(TimeSpan.FromMinutes(16));
        await timers.RedriveDeliveriesAsync(CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(16));
        await timers.RedriveDeliveriesAsync(CancellationToken.None);

        var email = Assert.Single(await mail.EmailsAsync());
        Assert.Equal("desk@example.test", Assert.Single(email.To).Address);
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await harness.RecordsAsync()).Status);
        Assert.Empty(await NamesAsync(harness, "notifying/"));
        Assert.NotEmpty(await NamesAsync(harness, "analyses/stalled-a1.json"));
    }

    private static async Task<List<string>> NamesAsync(DeliveryHarness harness, string prefix)
    {
        var names = new List<string>();
        await foreach (var name in harness.Store.ListNamesAsync(PipelineNames.DeliveriesContainer, prefix, CancellationToken.None))
        {
            names.Add(name);
        }

        return names;
    }
}
