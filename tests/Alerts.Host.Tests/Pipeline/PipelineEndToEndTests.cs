using Alerts.Storage;
using Alerts.Tests.Infrastructure;

namespace Alerts.Tests.Pipeline;

/// <summary>The three functions on the real local host, with Azurite, maildev and the sample feeds over HTTP.</summary>
public sealed class PipelineEndToEndTests : IAsyncLifetime
{
    private Azurite azurite = null!;
    private MailDev mail = null!;
    private SampleFeedServer feeds = null!;

    public async Task InitializeAsync()
    {
        azurite = await Azurite.StartAsync();
        mail = await MailDev.StartAsync();
        feeds = await SampleFeedServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await feeds.DisposeAsync();
        await mail.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task Host_SampleFeeds_StoresAnalysesAndEmailsEachNewStatementOnce_AndSecondRunAddsNothing()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite, mail, feeds.BaseUrl);

        // The timer runs at start-up; its four articles flow through both blob triggers.
        await pipeline.WaitUntilDeliveredAsync(expectedArticles: 4, TimeSpan.FromSeconds(90));

        var articles = await pipeline.BlobNamesAsync(PipelineNames.ArticlesContainer);
        var analyses = await pipeline.BlobNamesAsync(PipelineNames.AnalysesContainer);
        Assert.Equal(4, articles.Count);
        Assert.Equal(articles.Order(), analyses.Order());

        var emails = await mail.EmailsAsync();
        Assert.All(emails, e => Assert.Equal("desk@example.test", Assert.Single(e.To).Address));
        Assert.Contains(emails, e => e.Subject.StartsWith("Helen Marsh:", StringComparison.Ordinal));
        Assert.Contains(emails, e => e.Subject.StartsWith("Teresa Campos:", StringComparison.Ordinal));
        Assert.Contains(emails, e => e.Subject.StartsWith("Paul Whitaker:", StringComparison.Ordinal));
        // Off-topic quotes (trade, a harvest festival, currency markets) are not alerted.
        Assert.DoesNotContain(emails, e => e.Subject.Contains("Ortiz", StringComparison.Ordinal));
        Assert.DoesNotContain(emails, e => e.Subject.Contains("Delgado", StringComparison.Ordinal));
        Assert.DoesNotContain(emails, e => e.Subject.Contains("Medina", StringComparison.Ordinal));
        // Marsh's line is reprinted by a second article: one email, not two.
        Assert.Single(emails, e => (e.Text ?? "").Contains("We are preparing every option", StringComparison.Ordinal));
        Assert.Equal(emails.Count, emails.Select(e => e.Header("message-id")).Distinct().Count());

        // A second timer run finds the same items: it stores nothing, so nothing is analysed or sent.
        await pipeline.RunFetchAsync();
        Assert.Equal(articles.Order(), (await pipeline.BlobNamesAsync(PipelineNames.ArticlesContainer)).Order());
        await pipeline.WaitUntilDeliveredAsync(expectedArticles: 4, TimeSpan.FromSeconds(30));
        Assert.Equal(emails.Count, (await mail.EmailsAsync()).Count);
    }
}
