using Alerts.Functions.Functions;
using Alerts.Storage;
using Alerts.Tests.Infrastructure;
using Alerts.Tests.Shared;

namespace Alerts.Tests.Functions;

/// <summary>Event Grid may deliver one BlobCreated twice and writes no receipts: each blob-triggered function, run
/// twice on the same blob, leaves one analysis and sends one email.</summary>
public sealed class FunctionRedeliveryTests : IAsyncLifetime
{
    private const string BlobName = "example-org-lang-strike.json";

    private Azurite azurite = null!;
    private MailDev mail = null!;
    private FunctionsApp app = null!;

    public async Task InitializeAsync()
    {
        azurite = await Azurite.StartAsync();
        mail = await MailDev.StartAsync();
        app = await FunctionsApp.StartAsync(azurite, mail);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await mail.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task AnalyzeArticle_SameBlobDeliveredTwice_WritesOneAnalysisAndLeavesItUntouched()
    {
        await app.Store.TryCreateAsync(PipelineNames.ArticlesContainer, BlobName, LangArticle.For(BlobName, "lang-strike"), CancellationToken.None);
        var function = app.Function<AnalyzeArticleFunction>();

        await using (var first = await app.OpenAsync(PipelineNames.ArticlesContainer, BlobName))
        {
            await function.RunAsync(first, BlobName, CancellationToken.None);
        }

        var afterFirst = Assert.Single(await app.BlobsAsync(PipelineNames.AnalysesContainer));
        await using (var second = await app.OpenAsync(PipelineNames.ArticlesContainer, BlobName))
        {
            await app.Function<AnalyzeArticleFunction>().RunAsync(second, BlobName, CancellationToken.None);
        }

        var afterSecond = Assert.Single(await app.BlobsAsync(PipelineNames.AnalysesContainer));
        Assert.Equal(BlobName, afterFirst.Name);
        Assert.Equal(afterFirst, afterSecond);
    }

    [Fact]
    public async Task NotifySubscribers_SameBlobDeliveredTwice_SendsOneEmail()
    {
        await app.Store.TryCreateAsync(PipelineNames.ArticlesContainer, BlobName, LangArticle.For(BlobName, "lang-strike"), CancellationToken.None);
        await using (var article = await app.OpenAsync(PipelineNames.ArticlesContainer, BlobName))
        {
            await app.Function<AnalyzeArticleFunction>().RunAsync(article, BlobName, CancellationToken.None);
        }

        for (var delivery = 0; delivery < 2; delivery++)
        {
            await using var analysis = await app.OpenAsync(PipelineNames.AnalysesContainer, BlobName);
            await app.Function<NotifySubscribersFunction>().RunAsync(analysis, BlobName, CancellationToken.None);
        }

        var email = Assert.Single(await mail.EmailsAsync());
        Assert.Equal("desk@example.test", Assert.Single(email.To).Address);
        Assert.Contains("Victor Lang", email.Subject, StringComparison.Ordinal);
        Assert.Single(await app.BlobsAsync(PipelineNames.DeliveriesContainer, "analyses/"));
    }
}
