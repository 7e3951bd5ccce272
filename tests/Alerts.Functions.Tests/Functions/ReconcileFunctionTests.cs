using Alerts.Functions.Functions;
using Alerts.Storage;
using Alerts.Tests.Infrastructure;
using Microsoft.Azure.Functions.Worker;
using Alerts.Tests.Shared;

namespace Alerts.Tests.Functions;

/// <summary>On Azure, an article stored before the Event Grid subscriptions existed raises no trigger: the Reconcile
/// timer of the Azure app hands it on (issue 16 #5).</summary>
public sealed class ReconcileFunctionTests : IAsyncLifetime
{
    private const string BlobName = "example-org-lang-reconcile.json";

    private Azurite azurite = null!;
    private MailDev mail = null!;
    private FunctionsApp app = null!;

    public async Task InitializeAsync()
    {
        azurite = await Azurite.StartAsync();
        mail = await MailDev.StartAsync();
        app = await FunctionsApp.StartAsync(azurite, mail, new Dictionary<string, string?> { ["Reconcile:GracePeriod"] = "00:00:00" });
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await mail.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task Reconcile_ArticleWhoseBlobCreatedNeverCame_IsAnalysedThenNotifiedOnce()
    {
        // The Azure app raises no events itself (Event Grid does): this article's event is lost.
        await app.Store.TryCreateAsync(PipelineNames.ArticlesContainer, BlobName, LangArticle.For(BlobName, "lang-reconcile"), CancellationToken.None);
        var function = app.Function<ReconcileFunction>();

        await function.RunAsync(Timer(), CancellationToken.None);
        var analysed = (await app.BlobsAsync(PipelineNames.AnalysesContainer)).Select(b => b.Name).ToList();
        await function.RunAsync(Timer(), CancellationToken.None);
        await function.RunAsync(Timer(), CancellationToken.None);

        Assert.Equal([BlobName], analysed);
        Assert.Single(await app.BlobsAsync(PipelineNames.DeliveriesContainer, "analyses/"));
        var email = Assert.Single(await mail.EmailsAsync());
        Assert.Contains("Victor Lang", email.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeArticle_UnreadableArticle_IsQuarantinedOnceAndLeftAloneByReconcile()
    {
        await app.Storage.GetBlobContainerClient(PipelineNames.ArticlesContainer).UploadBlobAsync("broken.json", BinaryData.FromString("<html>not json"));

        await using (var article = await app.OpenAsync(PipelineNames.ArticlesContainer, "broken.json"))
        {
            // No exception: a retry cannot fix the input, so the runtime must not retry it into its poison queue.
            await app.Function<AnalyzeArticleFunction>().RunAsync(article, "broken.json", CancellationToken.None);
        }

        await app.Function<ReconcileFunction>().RunAsync(Timer(), CancellationToken.None);

        Assert.Equal(["articles/broken.json.json"], (await app.BlobsAsync(PipelineNames.PoisonContainer)).Select(b => b.Name));
        Assert.Empty(await app.BlobsAsync(PipelineNames.AnalysesContainer));
    }

    private static TimerInfo Timer() => new();
}
