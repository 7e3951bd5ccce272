using System.Globalization;
using System.Net;
using System.Text;
using Alerts.Fetching;
using Alerts.Storage;
using Alerts.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Alerts.Tests.Fetching;

/// <summary>What one hostile or broken source must not do to a fetch run: stop it, corrupt text silently, open the
/// circuit for its neighbours on the same host, or hide its own failed items behind a 304.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class FetchHostileInputTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Encoding Windows1252 = CodePages();

    private LocalHttpServer server = null!;

    public async Task InitializeAsync() => server = await LocalHttpServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    private FetchHarness CreateSut(Dictionary<string, string?> settings) => FetchHarness.Create(azurite.ConnectionString, settings);

    private static string UniqueName(string name) => $"{name} {Guid.NewGuid():N}";

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    private static string Item(Uri link, string title, string? date, string? summary) => $"""
        <item><title>{WebUtility.HtmlEncode(title)}</title><link>{link}</link>
        {(date is null ? "" : $"<pubDate>{date}</pubDate>")}{(summary is null ? "" : $"<description>{WebUtility.HtmlEncode(summary)}</description>")}</item>
        """;

    private static string Rss(IEnumerable<string> items) =>
        $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Hostile</title>{string.Concat(items)}</channel></rss>""";

    private static string PageWithDate(string date, string text) => $"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Dated page</title>
        <meta property="article:published_time" content="{date}"></head>
        <body><article><h1>Dated page</h1><p>{WebUtility.HtmlEncode(text)}</p></article></body></html>
        """;

    [Fact]
    public async Task RunAsync_OneFeedWithHostileDates_StoresEveryFeedAndEveryItemOfIt()
    {
        string[] hostile =
        [
            "Sat, 14 Mar 2026 09:30:00 +1430", "Fri, 31 Dec 9999 23:59:59 -0200", "Sat, 01 Jan 0000 00:00:00 GMT",
            "Mon, 01 Jan 0001 00:00:00 +0100", "9999-12-31T23:59:59-02:00", "Sat, 14 Mar 2026 09:30:00 -1459",
        ];
        var items = hostile.Select((date, i) => Item(server.Url($"/hostile/{i}"), $"Hostile {i}", date, TestFeeds.Story(20))).ToList();
        items.Add(Item(server.Url("/hostile/fine"), "Fine", TestFeeds.Date.ToString("R", CultureInfo.InvariantCulture), TestFeeds.Story(20)));
        // No summary, so the page is fetched, and its meta date is the hostile one.
        var pageText = TestFeeds.Story();
        server.MapContent("/hostile/page", PageWithDate("Fri, 31 Dec 9999 23:59:59 -0200", pageText), "text/html; charset=utf-8");
        items.Add(Item(server.Url("/hostile/page"), "Page", null, null));
        server.MapContent("/hostile/feed", Rss(items), "application/rss+xml");
        server.MapContent("/calm/feed", TestFeeds.Rss([new TestItem("Calm", server.Url("/calm/story"), TestFeeds.Story(20), TestFeeds.Date)]), "application/rss+xml");
        server.MapContent("/calm2/feed", TestFeeds.Atom([new TestItem("Calm too", server.Url("/calm2/story"), TestFeeds.Story(20), TestFeeds.Date)]), "application/atom+xml");
        var settings = FetchHarness.Sources(
            (UniqueName("calm"), server.Url("/calm/feed")), (UniqueName("hostile"), server.Url("/hostile/feed")), (UniqueName("calm2"), server.Url("/calm2/feed")));
        settings["Fetch:FullTextBelowChars"] = "1";
        await using var harness = CreateSut(settings);

        var report = await harness.RunAsync();

        Assert.Equal((3, 0, 10), (report.Sources, report.FailedSources, report.Stored));
        Assert.NotNull(await harness.ArticleAtAsync(server.Url("/calm/story")));
        Assert.NotNull(await harness.ArticleAtAsync(server.Url("/calm2/story")));
        for (var i = 0; i < hostile.Length; i++)
        {
            var article = await harness.ArticleAtAsync(server.Url($"/hostile/{i}"));
            Assert.NotNull(article);
            Assert.Null(article.Published);
        }
        Assert.Equal(TestFeeds.Date, (await harness.ArticleAtAsync(server.Url("/hostile/fine")))!.Published);
        var page = await harness.ArticleAtAsync(server.Url("/hostile/page"));
        Assert.NotNull(page);
        Assert.StartsWith(pageText[..40], page.Text, StringComparison.Ordinal);
        Assert.True(page.Published is null || page.Published.Value.Year < 9999);
        var warnings = report.Details[1].Warnings;
        Assert.All(hostile, date => Assert.Contains(warnings, w => w.Contains(date, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunAsync_UnexpectedErrorInOneSource_FailsThatSourceOnlyAndNamesIt()
    {
        var broken = UniqueName("broken state");
        server.MapContent("/broken/feed", TestFeeds.Rss([new TestItem("Broken", server.Url("/broken/story"), TestFeeds.Story(20), TestFeeds.Date)]), "application/rss+xml");
        server.MapContent("/fine/feed", TestFeeds.Rss([new TestItem("Fine", server.Url("/fine/story"), TestFeeds.Story(20), TestFeeds.Date)]), "application/rss+xml");
        // A state blob that is not JSON: reading it throws where no fetch failure is expected.
        await azurite.Service.GetBlobContainerClient(PipelineNames.SourcesContainer).GetBlobClient(SourceStateStore.BlobName(broken))
            .UploadAsync(BinaryData.FromString("{ not json"), overwrite: true);
        var settings = FetchHarness.Sources((broken, server.Url("/broken/feed")), (UniqueName("fine"), server.Url("/fine/feed")));
        settings["Fetch:FullTextBelowChars"] = "1";
        settings["Fetch:MaxConcurrentSources"] = "1";
        await using var harness = CreateSut(settings);

        var report = await harness.RunAsync();

        Assert.Equal((2, 1, 1), (report.Sources, report.FailedSources, report.Stored));
        Assert.Equal([FetchFailure.Unexpected, null], report.Details.Select(d => d.Failure));
        Assert.NotNull(await harness.ArticleAtAsync(server.Url("/fine/story")));
        Assert.Contains(harness.Logs.Entries, e => e.EventId == 1030 && e.Message.Contains(broken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_OneSourcesPagesKeepFailing_NeverOpenTheCircuitForAnotherSourceOnTheSameHost()
    {
        var noisy = UniqueName("noisy");
        for (var i = 0; i < 6; i++)
        {
            server.MapContent($"/noisy/{i}", "", "text/html", status: 500);
        }
        server.MapContent("/noisy/feed", Rss(Enumerable.Range(0, 6).Select(i => Item(server.Url($"/noisy/{i}"), $"Noisy {i}", null, null))), "application/rss+xml");
        server.MapContent("/quiet/feed", TestFeeds.Rss([new TestItem("Quiet", server.Url("/quiet/story"), TestFeeds.Story(20), TestFeeds.Date)]), "application/rss+xml");
        var quiet = UniqueName("quiet");
        var settings = FetchHarness.Sources((noisy, server.Url("/noisy/feed")), (quiet, server.Url("/quiet/feed")));
        settings["Fetch:FullTextBelowChars"] = "1";
        settings["Fetch:MaxConcurrentSources"] = "1";
        settings["Fetch:MaxRetries"] = "0";
        settings["Fetch:BreakDuration"] = "00:10:00";
        await using var harness = CreateSut(settings);

        var first = await harness.RunAsync();
        var second = await harness.RunAsync();

        Assert.Equal((SourceStatus.Fetched, 1), (first.Details[1].Status, first.Details[1].Stored));
        Assert.Equal((SourceStatus.Fetched, 1), (second.Details[1].Status, second.Details[1].AlreadyStored));
        Assert.Equal(2, server.CountRequests("/quiet/feed"));
        var opened = Assert.Single(harness.Logs.Entries, e => e.EventId == 1011);
        Assert.Contains(noisy, opened.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AnItemFailedLastTime_NextPollIsUnconditionalAndStoresIt()
    {
        var pageFails = true;
        var text = TestFeeds.Story();
        server.Map("/retry/story", async context =>
        {
            if (pageFails)
            {
                context.Response.StatusCode = 500;
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(TestFeeds.Page("Retried", text));
        });
        var feed = Rss([Item(server.Url("/retry/story"), "Retried", TestFeeds.Date.ToString("R", CultureInfo.InvariantCulture), null)]);
        server.Map("/retry/feed", async context =>
        {
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.StatusCode = 304;
                return;
            }
            context.Response.Headers.ETag = "\"v1\"";
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync(feed);
        });
        var settings = FetchHarness.Sources((UniqueName("retry"), server.Url("/retry/feed")));
        settings["Fetch:MaxRetries"] = "0";
        await using var harness = CreateSut(settings);

        var first = await harness.RunAsync();
        pageFails = false;
        var second = await harness.RunAsync();
        var third = await harness.RunAsync();

        Assert.Equal((0, 1), (first.Stored, first.ItemsFailed));
        Assert.Equal((1, 0), (second.Stored, second.NotModified));
        Assert.Equal(1, third.NotModified);
        var feedRequests = server.Requests.Where(r => r.Path == "/retry/feed").ToList();
        Assert.Equal([null, null, "\"v1\""], feedRequests.Select(r => r.Header("If-None-Match")));
        Assert.StartsWith(text[..40], (await harness.ArticleAtAsync(server.Url("/retry/story")))!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Latin1FeedAndPageServedAsUtf8_AreStoredWithTheRightLettersAndTheRepairIsLogged()
    {
        const string Name = "Subsecretaria In\u00e9s Ib\u00e1\u00f1ez";
        Serve("latin", Windows1252);
        Serve("utf8", Encoding.UTF8);
        var latin = UniqueName("latin");
        var settings = FetchHarness.Sources((latin, server.Url("/latin/feed")), (UniqueName("utf8"), server.Url("/utf8/feed")));
        settings["Fetch:FullTextBelowChars"] = "1";
        await using var harness = CreateSut(settings);

        var report = await harness.RunAsync();

        Assert.Equal(4, report.Stored);
        foreach (var kind in (string[])["latin", "utf8"])
        {
            Assert.Equal(Name + " habl\u00f3", (await harness.ArticleAtAsync(server.Url($"/{kind}/story")))!.Title);
            Assert.Contains("Ib\u00e1\u00f1ez dijo", (await harness.ArticleAtAsync(server.Url($"/{kind}/story")))!.Text, StringComparison.Ordinal);
            Assert.Contains(Name, (await harness.ArticleAtAsync(server.Url($"/{kind}/page")))!.Text, StringComparison.Ordinal);
        }
        var repairs = harness.Logs.Entries.Where(e => e.EventId == 1032).ToList();
        Assert.Equal(2, repairs.Count);
        Assert.All(repairs, e => Assert.Contains(latin, e.Message, StringComparison.Ordinal));
        Assert.All(repairs, e => Assert.Contains("windows-1252", e.Message, StringComparison.Ordinal));

        // Written out by hand: TestFeeds escapes every non-ASCII letter as a character reference, which hides the bytes.
        // Both are served as UTF-8; the page's own meta tag names what it really is.
        void Serve(string kind, Encoding encoding)
        {
            var page = $"""
                <!DOCTYPE html><html lang="es"><head><meta charset="{encoding.WebName}"><title>Página</title></head>
                <body><article><h1>Página</h1><p>Declaró la {Name}: {TestFeeds.Story()}</p></article></body></html>
                """;
            server.MapBytes($"/{kind}/page", encoding.GetBytes(page), "text/html; charset=utf-8");
            var feed = $"""
                <?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Noticias</title>
                <item><title>{Name} habló</title><link>{server.Url($"/{kind}/story")}</link><description>Ibáñez dijo {TestFeeds.Story(20)}</description></item>
                <item><title>Página</title><link>{server.Url($"/{kind}/page")}</link></item>
                </channel></rss>
                """;
            server.MapBytes($"/{kind}/feed", encoding.GetBytes(feed), "application/rss+xml; charset=utf-8");
        }
    }

    [Fact]
    public async Task RunAsync_HostileAuthorsAndNesting_CapEachFieldRefuseTheDeepFeedAndStoreEveryOtherFeed()
    {
        var nested = string.Concat(Enumerable.Repeat("<x>", 40_000)) + string.Concat(Enumerable.Repeat("</x>", 40_000));
        server.MapContent("/deep/feed", Rss([Item(server.Url("/deep/story"), "Deep", null, TestFeeds.Story(20)).Replace("</item>", $"<category>{nested}</category></item>", StringComparison.Ordinal)]), "application/rss+xml");
        string[] authors = [new string('w', 20_000), string.Concat(Enumerable.Repeat("a@", 10_000)), "x@y (" + new string('(', 10_000)];
        server.MapContent("/authors/feed", Rss(authors.Select((author, i) =>
            Item(server.Url($"/authors/{i}"), $"Author {i}", null, TestFeeds.Story(20)).Replace("</item>", $"<author>{author}</author></item>", StringComparison.Ordinal))), "application/rss+xml");
        server.MapContent("/calm/feed", TestFeeds.Rss([new TestItem("Calm", server.Url("/calm/story"), TestFeeds.Story(20), TestFeeds.Date)]), "application/rss+xml");
        var settings = FetchHarness.Sources(
            (UniqueName("deep"), server.Url("/deep/feed")), (UniqueName("authors"), server.Url("/authors/feed")), (UniqueName("calm"), server.Url("/calm/feed")));
        settings["Fetch:FullTextBelowChars"] = "1";
        await using var harness = CreateSut(settings);

        var report = await harness.RunAsync();

        Assert.Equal((FetchFailure.NotAFeed, "XML nested deeper than 100 elements"), (report.Details[0].Failure, report.Details[0].Reason));
        Assert.Equal((SourceStatus.Fetched, 3), (report.Details[1].Status, report.Details[1].Stored));
        for (var i = 0; i < authors.Length; i++)
        {
            var article = await harness.ArticleAtAsync(server.Url($"/authors/{i}"));
            Assert.Equal(Alerts.Articles.Article.MaxAuthorChars, article!.Author!.Length);
        }
        Assert.NotNull(await harness.ArticleAtAsync(server.Url("/calm/story")));
    }

    [Fact]
    public async Task RunAsync_RunBudgetSpent_LeavesTheRemainingSourcesForTheNextRunWithoutCountingAFailure()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestFeeds.Date);
        var slow = true;
        server.MapContent("/early/feed", TestFeeds.Rss([new TestItem("Early", server.Url("/early/story"), TestFeeds.Story(20), TestFeeds.Date)]), "application/rss+xml");
        server.Map("/slow/feed", async context =>
        {
            // The run's clock moves past Fetch:RunTimeout while this source is being read.
            if (slow)
            {
                time.Advance(TimeSpan.FromMinutes(2));
            }
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync(TestFeeds.Rss([new TestItem("Slow", server.Url("/slow/story"), TestFeeds.Story(20), TestFeeds.Date)]));
        });
        server.MapContent("/late/feed", TestFeeds.Rss([new TestItem("Late", server.Url("/late/story"), TestFeeds.Story(20), TestFeeds.Date)]), "application/rss+xml");
        var late = UniqueName("late");
        var settings = FetchHarness.Sources((UniqueName("early"), server.Url("/early/feed")), (UniqueName("slow"), server.Url("/slow/feed")), (late, server.Url("/late/feed")));
        settings["Fetch:FullTextBelowChars"] = "1";
        settings["Fetch:MaxConcurrentSources"] = "1";
        settings["Fetch:MaxRetries"] = "0";
        settings["Fetch:RequestTimeout"] = "00:00:30";
        settings["Fetch:SourceTimeout"] = "00:01:00";
        settings["Fetch:RunTimeout"] = "00:01:00";
        await using var harness = FetchHarness.Create(azurite.ConnectionString, settings, time);

        var first = await harness.RunAsync();
        var lateAfterFirst = await harness.Store.ReadAsync<SourceState>(PipelineNames.SourcesContainer, SourceStateStore.BlobName(late), CancellationToken.None);
        var lateRequests = server.CountRequests("/late/feed");
        slow = false;
        var second = await harness.RunAsync();

        Assert.Equal(1, first.Details[0].Stored);
        Assert.Equal((SourceStatus.Failed, 0), (first.Details[1].Status, first.Details[1].Stored));
        Assert.Equal(FetchFailure.RunTimeout, first.Details[2].Failure);
        Assert.Equal(0, lateRequests);
        Assert.Contains(harness.Logs.Entries, e => e.EventId == 1050 && e.Message.Contains(late, StringComparison.Ordinal) && e.Message.Contains("00:01:00", StringComparison.Ordinal));
        // Left as it was: no failure counted, so the next run fetches it as usual.
        Assert.Null(lateAfterFirst);
        Assert.Equal((SourceStatus.Fetched, 1), (second.Details[2].Status, second.Details[2].Stored));
    }
}
