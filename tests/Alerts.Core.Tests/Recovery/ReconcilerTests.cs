using Alerts.Analysis;
using Alerts.Storage;
using Alerts.Tests.Delivery;
using Alerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Tests.Recovery;

/// <summary>The reconciler over Azurite and maildev (issue 16 #5): blobs whose BlobCreated was lost are handed on once
/// they are older than the grace period, oldest first and a bounded number per run; dead-lettered events are drained.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class ReconcilerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(10);
    private const string LangQuote = "We will not wait for another attack on our border, and the military is ready to act in Mexico";
    private const string MarshQuote = "We are preparing every military option along the border with Mexico, including strikes on the cartels";

    private MailDev mail = null!;

    public async Task InitializeAsync() => mail = await MailDev.StartAsync();

    public async Task DisposeAsync()
    {
        await azurite.Service.GetBlobContainerClient(PipelineNames.DeadLetterContainer).DeleteIfExistsAsync();
        await mail.DisposeAsync();
    }

    [Fact]
    public async Task Run_ArticleAndAnalysisWhoseEventsWereLost_HandsEachOnOnceAndNothingTwice()
    {
        await using var harness = await RecoveryHarness.StartAsync(azurite, mail.SmtpPort);
        await harness.StoreArticleAsync(azurite, "a.json", "Victor Lang", LangQuote);
        await harness.StoreArticleAsync(azurite, "b.json", "Helen Marsh", MarshQuote);
        await using (var article = await harness.Store.OpenReadAsync(PipelineNames.ArticlesContainer, "b.json", CancellationToken.None))
        {
            // b was analysed, but the analysis's own event was lost.
            await harness.Services.GetRequiredService<AnalyzeArticleStep>().RunAsync(article!, "b.json", CancellationToken.None);
        }

        harness.Time.SetUtcNow(await harness.CreatedAsync(azurite, PipelineNames.AnalysesContainer, "b.json") + Grace);
        var first = await harness.Reconciler().RunAsync(CancellationToken.None);

        Assert.Equal(new(HandedOn: 2, Failed: 0, Left: 0, DeadLettersDrained: 0), first);
        Assert.True(await harness.ExistsAsync(PipelineNames.AnalysesContainer, "a.json"));
        Assert.True(await harness.ExistsAsync(PipelineNames.DeliveriesContainer, "analyses/b.json"));
        // a's analysis was written by this run: it is its trigger's until the grace period has passed.
        Assert.False(await harness.ExistsAsync(PipelineNames.DeliveriesContainer, "analyses/a.json"));
        Assert.Contains("Helen Marsh", Assert.Single(await mail.EmailsAsync()).Subject, StringComparison.Ordinal);

        harness.Time.SetUtcNow(await harness.CreatedAsync(azurite, PipelineNames.AnalysesContainer, "a.json") + Grace);
        var second = await harness.Reconciler().RunAsync(CancellationToken.None);
        var third = await harness.Reconciler().RunAsync(CancellationToken.None);

        Assert.Equal(1, second.HandedOn);
        Assert.True(await harness.ExistsAsync(PipelineNames.DeliveriesContainer, "analyses/a.json"));
        Assert.Equal(new(0, 0, 0, 0), third);
        Assert.Equal(2, (await mail.EmailsAsync()).Count);
    }

    [Fact]
    public async Task Run_BlobYoungerThanGracePeriod_IsLeftToItsTrigger()
    {
        await using var harness = await RecoveryHarness.StartAsync(azurite, mail.SmtpPort);
        var created = await harness.StoreArticleAsync(azurite, "young.json", "Victor Lang", LangQuote);

        harness.Time.SetUtcNow(created + Grace - TimeSpan.FromSeconds(1));
        var early = await harness.Reconciler().RunAsync(CancellationToken.None);
        var analysedEarly = await harness.ExistsAsync(PipelineNames.AnalysesContainer, "young.json");
        harness.Time.SetUtcNow(created + Grace);
        var due = await harness.Reconciler().RunAsync(CancellationToken.None);

        Assert.Equal(new(0, 0, 0, 0), early);
        Assert.False(analysedEarly);
        Assert.Equal(1, due.HandedOn);
        Assert.True(await harness.ExistsAsync(PipelineNames.AnalysesContainer, "young.json"));
    }

    [Fact]
    public async Task Run_MoreLostBlobsThanMaxPerRun_HandsOnTheOldestFirstAndLeavesTheRest()
    {
        await using var harness = await RecoveryHarness.StartAsync(azurite, mail.SmtpPort, new Dictionary<string, string?> { ["Reconcile:MaxPerRun"] = "2" });
        // Storage gives creation times to the second, so blobs written within one second go in name order.
        await harness.StoreArticleAsync(azurite, "c1.json", "Victor Lang", LangQuote);
        await harness.StoreArticleAsync(azurite, "c2.json", "Helen Marsh", MarshQuote);
        var newest = await harness.StoreArticleAsync(azurite, "c3.json", "Ana Ruiz", "We will send the army to the border with Mexico to stop the cartels");

        harness.Time.SetUtcNow(newest + Grace);
        var report = await harness.Reconciler().RunAsync(CancellationToken.None);

        Assert.Equal(new(HandedOn: 2, Failed: 0, Left: 1, DeadLettersDrained: 0), report);
        Assert.True(await harness.ExistsAsync(PipelineNames.AnalysesContainer, "c1.json"));
        Assert.True(await harness.ExistsAsync(PipelineNames.AnalysesContainer, "c2.json"));
        Assert.False(await harness.ExistsAsync(PipelineNames.AnalysesContainer, "c3.json"));
    }

    [Fact]
    public async Task Run_DeadLetteredBlobCreated_HandsItOnAtOnceAndDeletesTheDeadLetter()
    {
        await using var harness = await RecoveryHarness.StartAsync(azurite, mail.SmtpPort);
        var created = await harness.StoreArticleAsync(azurite, "d.json", "Victor Lang", LangQuote);
        var deadLetters = azurite.Service.GetBlobContainerClient(PipelineNames.DeadLetterContainer);
        await deadLetters.CreateIfNotExistsAsync();
        // Event Grid's shape: {container}/{SUBSCRIPTION}/{y}/{m}/{d}/{h}/{guid}.json holding the undelivered events.
        const string deadLetter = "EVGS-ANALYZEARTICLE/2026/3/5/14/0f8fad5b-d9cb-469f-a165-70867728950e.json";
        await deadLetters.UploadBlobAsync(deadLetter, BinaryData.FromString("""
            [{"id": "1", "eventType": "Microsoft.Storage.BlobCreated", "subject": "/blobServices/default/containers/articles/blobs/d.json",
              "deadLetterReason": "MaxDeliveryAttemptsExceeded", "deliveryAttempts": 30, "data": {"api": "PutBlob"}},
             {"id": "2", "eventType": "Microsoft.Storage.BlobCreated", "subject": "/blobServices/default/containers/config/blobs/subscriptions.json"}]
            """));

        // Within the grace period: the scan leaves d alone, but Event Grid has given up, so no trigger will come.
        harness.Time.SetUtcNow(created);
        var report = await harness.Reconciler().RunAsync(CancellationToken.None);

        Assert.Equal(new(HandedOn: 1, Failed: 0, Left: 0, DeadLettersDrained: 1), report);
        Assert.True(await harness.ExistsAsync(PipelineNames.AnalysesContainer, "d.json"));
        Assert.False((await deadLetters.GetBlobClient(deadLetter).ExistsAsync()).Value);
    }
}
