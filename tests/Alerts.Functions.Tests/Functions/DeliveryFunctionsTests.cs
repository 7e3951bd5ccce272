using Alerts.Articles;
using Alerts.Delivery;
using Alerts.Functions.Functions;
using Alerts.Storage;
using Alerts.Tests.Infrastructure;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Tests.Functions;

/// <summary>The Azure app's delivery timers: a delivery left pending by one app instance (SMTP down) is sent by
/// RedriveDeliveries in a fresh instance once SMTP is back; SendDigests with nothing due sends nothing.</summary>
public sealed class DeliveryFunctionsTests : IAsyncLifetime
{
    private const string BlobName = "example-org-lang-strike.json";

    private Azurite azurite = null!;
    private MailDev mail = null!;

    public async Task InitializeAsync()
    {
        azurite = await Azurite.StartAsync();
        mail = await MailDev.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await mail.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task RedriveDeliveries_PendingAfterSmtpOutage_SentOnceByANewInstance()
    {
        var fast = new Dictionary<string, string?> { ["Notify:RetryDelay"] = "00:00:01" };
        await using (var down = await FunctionsApp.StartAsync(azurite, mail, new Dictionary<string, string?>(fast) { ["Smtp:Port"] = $"{LocalProcess.FreePort()}" }))
        {
            await down.Store.TryCreateAsync(PipelineNames.ArticlesContainer, BlobName, Article(), CancellationToken.None);
            await using (var article = await down.OpenAsync(PipelineNames.ArticlesContainer, BlobName))
            {
                await down.Function<AnalyzeArticleFunction>().RunAsync(article, BlobName, CancellationToken.None);
            }

            await using var analysis = await down.OpenAsync(PipelineNames.AnalysesContainer, BlobName);
            await down.Function<NotifySubscribersFunction>().RunAsync(analysis, BlobName, CancellationToken.None);
            Assert.Single(await down.BlobsAsync(PipelineNames.DeliveriesContainer, DeliveryLedger.PendingPrefix));
        }

        Assert.Empty(await mail.EmailsAsync());
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await using var up = await FunctionsApp.StartAsync(azurite, mail, fast);
        await up.Function<RedriveDeliveriesFunction>().RunAsync(new TimerInfo(), CancellationToken.None);
        await up.Function<RedriveDeliveriesFunction>().RunAsync(new TimerInfo(), CancellationToken.None);
        await up.Function<SendDigestsFunction>().RunAsync(new TimerInfo(), CancellationToken.None);

        var email = Assert.Single(await mail.EmailsAsync());
        Assert.Equal("desk@example.test", Assert.Single(email.To).Address);
        Assert.Empty(await up.BlobsAsync(PipelineNames.DeliveriesContainer, DeliveryLedger.PendingPrefix));
    }

    private static Article Article()
    {
        const string text = """
            Defense Secretary Victor Lang spoke to reporters at the Pentagon on Thursday.

            “We will not wait for another attack on our border, and the military is ready to act in Mexico,” Lang said.
            """;
        return new Article
        {
            Id = Path.GetFileNameWithoutExtension(BlobName),
            Url = "https://news.example.org/2026/lang-strike",
            CanonicalUrl = "https://news.example.org/2026/lang-strike",
            Source = "Example Wire",
            // The headline restates the body's quotation, so the article holds one statement (a headline with a claim
            // of its own is a statement of its own, and would be a second alert).
            Title = "Lang says the military is ready to act in Mexico",
            Published = new DateTimeOffset(2026, 3, 5, 14, 0, 0, TimeSpan.Zero),
            Fetched = new DateTimeOffset(2026, 3, 5, 14, 5, 0, TimeSpan.Zero),
            Language = "en",
            Text = text,
            ContentHash = ContentHash.Of(text),
        };
    }
}
