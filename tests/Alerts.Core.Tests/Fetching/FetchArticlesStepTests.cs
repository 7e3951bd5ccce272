using System.Globalization;
using System.Text;
using Alerts.Articles;
using Alerts.Fetching;
using Alerts.Storage;
using Alerts.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Tests.Fetching;

/// <summary>FetchArticles end to end: a real feed server on 127.0.0.1, the real store on Azurite.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class FetchArticlesStepTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private LocalHttpServer server = null!;

    public async Task InitializeAsync() => server = await LocalHttpServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    private FetchHarness CreateSut(Dictionary<string, string?> settings, TimeProvider? time = null, RecordingNetwork? network = null) =>
        FetchHarness.Create(azurite.ConnectionString, settings, time, network);

    private static string UniqueName(string name) => $"{name} {Guid.NewGuid():N}";

    /// <summary>Serves an article page at <paramref name="path"/> and returns its URL and text.</summary>
    private (Uri Url, string Text) ServePage(string path, string? text = null, Uri? canonical = null)
    {
        text ??= TestFeeds.Story();
        server.MapContent(path, TestFeeds.Page("Page title " + path, text, canonical), "text/html; charset=utf-8");
        return (server.Url(path), text);
    }

    public static TheoryData<string> Formats => ["rss", "rdf", "atom", "jsonfeed", "gdelt", "googlenews"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task RunAsync_EachFormat_StoresEveryItemWithFullTextFromThePage(string format)
    {
        var pages = new[] { ServePage($"/{format}/one"), ServePage($"/{format}/two") };
        var items = pages.Select((p, i) => new TestItem($"Story {i} <b>bold</b>", p.Url, "A short teaser.", TestFeeds.Date.AddHours(i))).ToList();
        var (body, path, type) = format switch
        {
            "rss" => (TestFeeds.Rss(items), "/feed", FeedSourceType.Feed),
            "rdf" => (TestFeeds.Rdf(items), "/feed", FeedSourceType.Feed),
            "atom" => (TestFeeds.Atom(items), "/feed", FeedSourceType.Feed),
            "jsonfeed" => (TestFeeds.JsonFeed(items), "/feed", FeedSourceType.Feed),
            "gdelt" => (TestFeeds.Gdelt(items), "/api/v2/doc/doc?query=harbour&mode=ArtList&format=json&maxrecords=250", FeedSourceType.Gdelt),
            _ => (TestFeeds.GoogleNews(items.Select(i => (i, TestFeeds.GoogleNewsLinkTo(i.Link), "Harbour Gazette"))), "/rss/search?q=harbour&hl=en-US", FeedSourceType.GoogleNews),
        };
        // Served as text/plain from an extension-less path: the format must come from the content.
        server.MapContent(path, body, "text/plain; charset=utf-8");
        var source = UniqueName(format);
        var settings = FetchHarness.Sources((source, server.Url(path)));
        settings["Fetch:Sources:0:Type"] = type.ToString();
        await using var harness = CreateSut(settings);

        var report = await harness.RunAsync();

        Assert.Equal((1, 0, 2, 2), (report.Sources, report.FailedSources, report.Items, report.Stored));
        for (var i = 0; i < pages.Length; i++)
        {
            var article = await harness.ArticleAtAsync(pages[i].Url);
            Assert.NotNull(article);
            Assert.Equal(pages[i].Url.AbsoluteUri, article.Url);
            Assert.Equal(pages[i].Url.AbsoluteUri, article.CanonicalUrl);
            Assert.Equal("Story " + i + " bold", article.Title);
            Assert.Equal(format == "googlenews" ? "Harbour Gazette" : format == "gdelt" ? "127.0.0.1" : source, article.Source);
            Assert.Equal(TestFeeds.Date.AddHours(i), article.Published);
            Assert.Equal(TimeSpan.Zero, article.Published!.Value.Offset);
            Assert.StartsWith(pages[i].Text[..40], article.Text, StringComparison.Ordinal);
            Assert.Null(article.TextNote);
            Assert.Equal(ContentHash.Of(article.Text), article.ContentHash);
            Assert.Equal(Article.CurrentSchemaVersion, article.SchemaVersion);
            Assert.Equal(article.Id + ".json", CanonicalUrl.BlobName(new Uri(article.CanonicalUrl)));
        }
    }

    [Fact]
    public async Task RunAsync_GoogleNewsLinkWithoutArticleUrl_KeepsTheSummaryAndSaysWhy()
    {
        var item = new TestItem("Harbour reopens", new Uri("https://news.google.com/rss/articles/AU_yqLOpaqueNewStyleId?oc=5"));
        var path = "/rss/search?q=harbour";
        server.MapContent(path, TestFeeds.GoogleNews([(item, item.Link, "Harbour Gazette")]), "application/rss+xml");
        var settings = FetchHarness.Sources((UniqueName("google"), server.Url(path)));
        settings["Fetch:Sources:0:Type"] = "GoogleNews";
        await using var harness = CreateSut(settings);

        var report = await harness.RunAsync();

        Assert.Equal(1, report.Stored);
        var article = await harness.ArticleAtAsync(item.Link);
        Assert.NotNull(article);
        Assert.Equal("Harbour reopens", article.Title);
        Assert.Contains("Harbour Gazette", article.Text, StringComparison.Ordinal);
        Assert.Contains("Google News", article.TextNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SecondRun_SendsValidatorsAndA304CostsNothingFurther()
    {
        var page = ServePage("/cond/story");
        var feed = TestFeeds.Rss([new TestItem("Story", page.Url, "Teaser.", TestFeeds.Date)]);
        server.Map("/cond/feed", async context =>
        {
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.StatusCode = 304;
                return;
            }
            context.Response.Headers.ETag = "\"v1\"";
            context.Response.Headers.LastModified = "Sat, 14 Mar 2026 09:30:00 GMT";
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync(feed);
        });
        var source = UniqueName("conditional");
        await using var harness = CreateSut(FetchHarness.Sources((source, server.Url("/cond/feed"))));

        var first = await harness.RunAsync();
        var second = await harness.RunAsync();

        Assert.Equal((1, 0), (first.Stored, first.NotModified));
        Assert.Equal((0, 1, 0), (second.Stored, second.NotModified, second.Items));
        Assert.Equal(2, server.CountRequests("/cond/feed"));
        Assert.Equal(1, server.CountRequests("/cond/story"));
        var again = server.Requests.Last(r => r.Path == "/cond/feed");
        Assert.Equal("\"v1\"", again.Header("If-None-Match"));
        Assert.Equal("Sat, 14 Mar 2026 09:30:00 GMT", again.Header("If-Modified-Since"));
        var state = await harness.Store.ReadAsync<SourceState>(PipelineNames.SourcesContainer, SourceStateStore.BlobName(source), CancellationToken.None);
        Assert.NotNull(state);
        Assert.Equal("\"v1\"", state.Document.ETag);
        Assert.Equal(0, state.Document.ConsecutiveFailures);
    }

    [Fact]
    public async Task RunAsync_ItemWith20000CharAuthorAndTitle_StoresBothCapped()
    {
        var page = ServePage("/huge-byline/story");
        var author = string.Join(' ', Enumerable.Repeat("Correspondent", 20_000 / 14 + 1));
        var title = string.Join(' ', Enumerable.Repeat("Headline", 20_000 / 9 + 1));
        server.MapContent("/huge-byline/feed", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Bylines</title>
            <item><title>{title}</title><link>{page.Url.AbsoluteUri}</link><dc:creator>{author}</dc:creator></item>
            </channel></rss>
            """, "application/rss+xml");
        await using var harness = CreateSut(FetchHarness.Sources((UniqueName("huge-byline"), server.Url("/huge-byline/feed"))));

        var report = await harness.RunAsync();

        Assert.Equal(1, report.Stored);
        var name = Assert.Single(harness.Events.Created, n => n.StartsWith(PipelineNames.ArticlesContainer + "/", StringComparison.Ordinal));
        var article = await harness.Store.ReadAsync<Article>(PipelineNames.ArticlesContainer, name[(PipelineNames.ArticlesContainer.Length + 1)..], CancellationToken.None);
        Assert.NotNull(article);
        Assert.InRange(article.Document.Author!.Length, 1, 200);
        Assert.StartsWith("Correspondent Correspondent", article.Document.Author, StringComparison.Ordinal);
        Assert.InRange(article.Document.Title.Length, 1, 500);
        Assert.StartsWith("Headline Headline", article.Document.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SameFeedTwice_StoresEachArticleOnce()
    {
        var page = ServePage("/twice/story");
        server.MapContent("/twice/feed", TestFeeds.Atom([new TestItem("Story", page.Url, "Teaser.", TestFeeds.Date)]), "application/atom+xml");
        await using var harness = CreateSut(FetchHarness.Sources((UniqueName("twice"), server.Url("/twice/feed"))));

        var first = await harness.RunAsync();
        var second = await harness.RunAsync();

        Assert.Equal((1, 0), (first.Stored, first.AlreadyStored));
        Assert.Equal((0, 1), (second.Stored, second.AlreadyStored));
        Assert.Single(harness.Events.Created, name => name.StartsWith(PipelineNames.ArticlesContainer + "/", StringComparison.Ordinal));
        Assert.Equal(1, server.CountRequests("/twice/story"));
    }

    [Fact]
    public async Task RunAsync_PageFails_KeepsTheSummaryAndRecordsWhy()
    {
        var link = server.Url("/gone/story");
        server.MapContent("/gone/feed", TestFeeds.Rss([new TestItem("Story", link, "Only the teaser survives.", TestFeeds.Date)]), "application/rss+xml");
        await using var harness = CreateSut(FetchHarness.Sources((UniqueName("gone"), server.Url("/gone/feed"))));

        var report = await harness.RunAsync();

        Assert.Equal(1, report.Stored);
        var article = await harness.ArticleAtAsync(link);
        Assert.NotNull(article);
        Assert.Equal("Only the teaser survives.", article.Text);
        Assert.Contains("HttpStatus", article.TextNote, StringComparison.Ordinal);
        Assert.Contains("404", article.TextNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ItemLinksToNonPublicAddresses_KeepTheFeedTextWithAGenericNoteAndAreNeverConnected()
    {
        // The feed is allowed by name (localhost), so 127.0.0.1 itself, however spelled, is not.
        var port = server.BaseUri.Port;
        var secret = "Internal payroll figures that must never leave this host.";
        server.MapContent("/secret", TestFeeds.Page("Secret", secret), "text/html");
        server.Map("/hop", context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = $"http://127.0.0.2:{port}/secret";
            return Task.CompletedTask;
        });
        var links = new[]
        {
            new Uri($"http://[::1]:{port}/secret"),
            new Uri("http://10.0.0.1/admin"),
            new Uri($"http://2130706433:{port}/secret"),
            new Uri("http://metadata.test/latest/meta-data/"),
            new Uri($"http://localhost:{port}/hop"),
        };
        var feed = new Uri($"http://localhost:{port}/inward/feed");
        server.MapContent("/inward/feed", TestFeeds.Rss(links.Select((link, i) => new TestItem($"Story {i}", link, $"Teaser {i} from the feed.", TestFeeds.Date))), "application/rss+xml");
        var network = new RecordingNetwork().Resolve("metadata.test", "169.254.169.254");
        var settings = FetchHarness.Sources((UniqueName("inward"), feed));
        settings["Fetch:AllowedPrivateHosts:0"] = "localhost";
        await using var harness = CreateSut(settings, network: network);

        var report = await harness.RunAsync();

        Assert.Equal(5, report.Stored);
        foreach (var (link, i) in links.Select((link, i) => (link, i)))
        {
            var article = await harness.ArticleAtAsync(link);
            Assert.NotNull(article);
            Assert.Equal($"Teaser {i} from the feed.", article.Text);
            Assert.Equal("refused: non-public address", article.TextNote);
        }
        Assert.Equal(0, server.CountRequests("/secret"));
        Assert.Equal(1, server.CountRequests("/hop"));
        Assert.All(network.Connects, endPoint => Assert.Equal(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port), endPoint));
        Assert.Equal(5, harness.Logs.Count(1019));
    }

    [Fact]
    public async Task RunAsync_FeedRedirectsToMetadataAddress_FailsTheSourceStoresNothingAndAsksOnce()
    {
        server.Map("/moved/feed", context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = "http://169.254.169.254/latest/meta-data/iam/security-credentials/";
            return Task.CompletedTask;
        });
        var network = new RecordingNetwork();
        var settings = FetchHarness.Sources((UniqueName("moved"), server.Url("/moved/feed")));
        settings["Fetch:MaxRetries"] = "3";
        await using var harness = CreateSut(settings, network: network);

        var report = await harness.RunAsync();

        var source = Assert.Single(report.Details);
        Assert.Equal((SourceStatus.Failed, FetchFailure.Refused), (source.Status, source.Failure));
        Assert.Contains("169.254.169.254 is not public", source.Reason, StringComparison.Ordinal);
        Assert.Equal(0, report.Stored);
        Assert.Equal(1, server.CountRequests("/moved/feed"));
        Assert.DoesNotContain(network.Connects, endPoint => !System.Net.IPAddress.IsLoopback(endPoint.Address));
    }

    [Fact]
    public async Task RunAsync_NoSummaryAndNoPage_StoresNothingAndTriesAgainNextRun()
    {
        var link = server.Url("/empty/story");
        server.MapContent("/api/v2/doc/doc", TestFeeds.Gdelt([new TestItem("Story", link)]), "application/json");
        var settings = FetchHarness.Sources((UniqueName("gdelt"), server.Url("/api/v2/doc/doc?query=x&mode=artlist&format=json")));
        settings["Fetch:Sources:0:Type"] = "Gdelt";
        await using var harness = CreateSut(settings);

        var report = await harness.RunAsync();

        Assert.Equal((0, 1), (report.Stored, report.ItemsFailed));
        Assert.Null(await harness.ArticleAtAsync(link));
        Assert.Equal(1, harness.Logs.Count(1005));
    }

    [Fact]
    public async Task RunAsync_TrackingParametersAndAmpVariant_FoldIntoTheDeclaredCanonicalUrl()
    {
        var canonical = server.Url("/canon/story");
        var text = TestFeeds.Story();
        server.MapContent("/canon/amp/story", TestFeeds.Page("Story", text, canonical), "text/html");
        server.MapContent("/canon/story", TestFeeds.Page("Story", text, canonical), "text/html");
        server.MapContent("/canon/feed", TestFeeds.Rss([
            new TestItem("Story", server.Url("/canon/amp/story?utm_source=rss&utm_medium=feed#top"), "Teaser.", TestFeeds.Date),
            new TestItem("Story again", server.Url("/canon/story?fbclid=abc123"), "Teaser.", TestFeeds.Date),
        ]), "application/rss+xml");
        await using var harness = CreateSut(FetchHarness.Sources((UniqueName("canon"), server.Url("/canon/feed"))));

        var report = await harness.RunAsync();

        Assert.Equal(1, report.Stored);
        Assert.Equal(1, report.AlreadyStored + report.Syndicated);
        var article = await harness.ArticleAtAsync(canonical);
        Assert.NotNull(article);
        Assert.Equal(canonical.AbsoluteUri, article.CanonicalUrl);
    }

    [Fact]
    public async Task RunAsync_SameStoryUnderTwoUrls_StoresItOnceAndRecordsTheOtherUrl()
    {
        var text = TestFeeds.Story();
        var original = ServePage("/wire/story", text);
        var copy = ServePage("/partner/reprint-of-story", text);
        server.MapContent("/wire/feed", TestFeeds.Rss([new TestItem("Story", original.Url, "Teaser.", TestFeeds.Date)]), "application/rss+xml");
        server.MapContent("/partner/feed", TestFeeds.Rss([new TestItem("Reprinted story", copy.Url, "Teaser.", TestFeeds.Date)]), "application/rss+xml");
        var settings = FetchHarness.Sources((UniqueName("wire"), server.Url("/wire/feed")), (UniqueName("partner"), server.Url("/partner/feed")));
        settings["Fetch:MaxConcurrentSources"] = "1";
        await using var harness = CreateSut(settings);

        var report = await harness.RunAsync();

        Assert.Equal((1, 1), (report.Stored, report.Syndicated));
        var article = Assert.Single(await harness.ArticlesFromAsync(server.BaseUri));
        Assert.Equal([original.Url.AbsoluteUri, copy.Url.AbsoluteUri], [article.Url, .. article.AlternateUrls ?? []]);
        Assert.Single(harness.Events.Created, name => name.StartsWith(PipelineNames.ArticlesContainer + "/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_CopiesInOneFeed_AreStoredOnceThoughItemsRunConcurrently()
    {
        var text = TestFeeds.Story();
        var pages = Enumerable.Range(0, 6).Select(i => ServePage($"/same/{i}", text)).ToList();
        server.MapContent("/same/feed", TestFeeds.Rss(pages.Select((p, i) => new TestItem($"Copy {i}", p.Url, "Teaser.", TestFeeds.Date))), "application/rss+xml");
        await using var harness = CreateSut(FetchHarness.Sources((UniqueName("same"), server.Url("/same/feed"))));

        var report = await harness.RunAsync();

        Assert.Equal((1, 5), (report.Stored, report.Syndicated));
        var article = Assert.Single(await harness.ArticlesFromAsync(server.BaseUri));
        Assert.Equal(pages.Select(p => p.Url.AbsoluteUri).Order(), new[] { article.Url }.Concat(article.AlternateUrls ?? []).Order());
    }

    [Fact]
    public async Task RunAsync_NearCopyWithACreditLine_IsRecognisedAsTheSameStory()
    {
        var text = TestFeeds.Story(220);
        var original = ServePage("/near/story", text);
        var copy = ServePage("/near/copy", "By Staff Writer, with agency reports.\n\n" + text + "\n\nThis story first appeared in the Harbour Gazette and is republished with permission.");
        server.MapContent("/near/feed", TestFeeds.Rss([
            new TestItem("Story", original.Url, "Teaser.", TestFeeds.Date),
        ]), "application/rss+xml");
        server.MapContent("/near/feed2", TestFeeds.Rss([
            new TestItem("Story (reprint)", copy.Url, "Teaser.", TestFeeds.Date),
        ]), "application/rss+xml");
        var settings = FetchHarness.Sources((UniqueName("near"), server.Url("/near/feed")), (UniqueName("near2"), server.Url("/near/feed2")));
        settings["Fetch:MaxConcurrentSources"] = "1";
        await using var harness = CreateSut(settings);

        var report = await harness.RunAsync();

        Assert.Equal((1, 1), (report.Stored, report.Syndicated));
        var article = Assert.Single(await harness.ArticlesFromAsync(server.BaseUri));
        Assert.Equal(copy.Url.AbsoluteUri, Assert.Single(article.AlternateUrls ?? []));
    }

    [Fact]
    public async Task RunAsync_FailingAndDisabledSources_NeverStopTheOthers()
    {
        var page = ServePage("/ok/story");
        server.MapContent("/ok/feed", TestFeeds.Rss([new TestItem("Story", page.Url, "Teaser.", TestFeeds.Date)]), "application/rss+xml");
        server.MapContent("/html/feed", "<!DOCTYPE html><html><body><p>We moved our feed.</p></body></html>", "text/html");
        var settings = FetchHarness.Sources(
            (UniqueName("missing"), server.Url("/missing/feed")),
            (UniqueName("html"), server.Url("/html/feed")),
            (UniqueName("ok"), server.Url("/ok/feed")),
            (UniqueName("disabled"), server.Url("/disabled/feed")));
        settings["Fetch:Sources:3:Enabled"] = "false";
        await using var harness = CreateSut(settings);

        var report = await harness.RunAsync();

        Assert.Equal((3, 2, 1), (report.Sources, report.FailedSources, report.Stored));
        Assert.Equal([FetchFailure.HttpStatus, FetchFailure.NotAFeed, null], report.Details.Select(d => d.Failure));
        Assert.Equal(0, server.CountRequests("/disabled/feed"));
    }

    [Fact]
    public async Task RunAsync_SourceKeepsFailing_LogsOnceWhenItStartsAndOnceWhenItRecovers()
    {
        var time = new FakeTimeProvider(TestFeeds.Date);
        var failing = true;
        var page = ServePage("/flappy/story");
        server.Map("/flappy/feed", async context =>
        {
            if (failing)
            {
                context.Response.StatusCode = 500;
                return;
            }
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync(TestFeeds.Rss([new TestItem("Story", page.Url, "Teaser.", TestFeeds.Date)]));
        });
        var settings = FetchHarness.Sources((UniqueName("flappy"), server.Url("/flappy/feed")));
        settings["Fetch:MaxRetries"] = "0";
        await using var harness = CreateSut(settings, time);

        for (var run = 0; run < 4; run++)
        {
            var report = await harness.RunAsync();
            Assert.Equal(1, report.FailedSources);
            time.Advance(TimeSpan.FromHours(2));
        }
        failing = false;
        var recovered = await harness.RunAsync();

        Assert.Equal(1, recovered.Stored);
        Assert.Equal(1, harness.Logs.Count(1002));
        // Runs 2 and 4 at Debug; run 3 reaches Fetch:WarnAfterFailures and warns.
        Assert.Equal(2, harness.Logs.Count(1008));
        Assert.Equal(1, harness.Logs.Count(1040));
        Assert.Equal(1, harness.Logs.Count(1009));
    }

    [Fact]
    public async Task RunAsync_SourceFailingThreeRunsInARow_WarnsWithSourceCountAndSinceWhen()
    {
        var time = new FakeTimeProvider(TestFeeds.Date);
        server.MapContent("/down/feed", "down", "text/plain", status: 503);
        var source = UniqueName("down");
        var settings = FetchHarness.Sources((source, server.Url("/down/feed")));
        settings["Fetch:MaxRetries"] = "0";
        await using var harness = CreateSut(settings, time);
        var firstFailure = time.GetUtcNow();

        for (var run = 0; run < 3; run++)
        {
            await harness.RunAsync();
            time.Advance(TimeSpan.FromHours(2));
        }

        var warning = Assert.Single(harness.Logs.Entries, e => e.EventId == 1040);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(source, warning.Message, StringComparison.Ordinal);
        Assert.Contains("failed 3 runs in a row", warning.Message, StringComparison.Ordinal);
        Assert.Contains(firstFailure.ToString(CultureInfo.InvariantCulture), warning.Message, StringComparison.Ordinal);
        // Each run also ends with a summary line at Information that counts the failed source.
        Assert.All(harness.Logs.Entries.Where(e => e.EventId == 1001), e => Assert.Contains("0 not modified, 0 not due, 1 failed", e.Message, StringComparison.Ordinal));
        Assert.Equal(3, harness.Logs.Count(1001));
    }

    [Fact]
    public async Task RunAsync_SourceWithInterval_IsFetchedOnlyWhenDue()
    {
        var time = new FakeTimeProvider(TestFeeds.Date);
        var page = ServePage("/hourly/story");
        server.MapContent("/hourly/feed", TestFeeds.Rss([new TestItem("Story", page.Url, "Teaser.", TestFeeds.Date)]), "application/rss+xml");
        var settings = FetchHarness.Sources((UniqueName("hourly"), server.Url("/hourly/feed")));
        settings["Fetch:Sources:0:Interval"] = "01:00:00";
        await using var harness = CreateSut(settings, time);

        await harness.RunAsync();
        time.Advance(TimeSpan.FromMinutes(30));
        var early = await harness.RunAsync();
        time.Advance(TimeSpan.FromMinutes(31));
        var due = await harness.RunAsync();

        Assert.Equal(1, early.NotDue);
        Assert.Equal((0, 1), (due.NotDue, due.AlreadyStored));
        Assert.Equal(2, server.CountRequests("/hourly/feed"));
    }

    [Fact]
    public async Task RunAsync_ExternalEntityFeed_IsRejectedAsNotAFeedWithTheReason()
    {
        server.MapContent("/xxe/feed", """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>&secret;</title></channel></rss>
            """, "application/rss+xml");
        server.MapContent("/lol/feed", """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
            <rss version="2.0"><channel><title>&lol3;</title></channel></rss>
            """, "application/rss+xml");
        await using var harness = CreateSut(FetchHarness.Sources((UniqueName("xxe"), server.Url("/xxe/feed")), (UniqueName("lol"), server.Url("/lol/feed"))));

        var report = await harness.RunAsync();

        Assert.All(report.Details, d => Assert.Equal((FetchFailure.NotAFeed, "DTD is not allowed"), (d.Failure!.Value, d.Reason)));
        Assert.Equal(2, harness.Logs.Count(1002));
    }

    [Fact]
    public async Task RunAsync_BinaryServedAsXml_IsRejectedAsNotAFeed()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];
        server.MapBytes("/png/feed.xml", png, "application/rss+xml");
        await using var harness = CreateSut(FetchHarness.Sources((UniqueName("png"), server.Url("/png/feed.xml"))));

        var report = await harness.RunAsync();

        var source = Assert.Single(report.Details);
        Assert.Equal(FetchFailure.NotAFeed, source.Failure);
        Assert.Contains("PNG", source.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_GzipBombFeed_IsRejectedAsTooLarge()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.SmallestSize))
        {
            gzip.Write(Encoding.ASCII.GetBytes("<rss version=\"2.0\"><channel><title>"));
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 32; i++)
            {
                gzip.Write(spaces);
            }
        }
        var bomb = compressed.ToArray();
        server.Map("/bomb/feed", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(bomb);
        });
        await using var harness = CreateSut(FetchHarness.Sources((UniqueName("bomb"), server.Url("/bomb/feed"))));

        var report = await harness.RunAsync();

        Assert.Equal(FetchFailure.TooLarge, Assert.Single(report.Details).Failure);
    }

    [Fact]
    public async Task RunAsync_InvalidUtf8_StoresTheItemWithReplacementCharacters()
    {
        var page = ServePage("/utf/story");
        var feed = Encoding.UTF8.GetBytes(TestFeeds.Rss([new TestItem("Caf\u00E9 TITLEMARK", page.Url, "Teaser.", TestFeeds.Date)]));
        var mark = Encoding.ASCII.GetBytes("TITLEMARK");
        var at = feed.AsSpan().IndexOf(mark);
        // A valid "é" (TestFeeds escapes its own as a reference) says the feed is UTF-8; then one bad sequence.
        feed[at] = 0xC3;
        feed[at + 1] = 0xA9;
        feed[at + 2] = (byte)' ';
        feed[at + 3] = 0xC3;
        feed[at + 4] = 0x28;
        server.MapBytes("/utf/feed", feed, "application/rss+xml; charset=utf-8");
        await using var harness = CreateSut(FetchHarness.Sources((UniqueName("utf"), server.Url("/utf/feed"))));

        var report = await harness.RunAsync();

        Assert.Equal(1, report.Stored);
        var article = await harness.ArticleAtAsync(page.Url);
        Assert.NotNull(article);
        Assert.StartsWith("Caf\u00E9 \u00E9 \uFFFD(", article.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TenThousandItems_TakesTheNewestUpToTheLimit()
    {
        var items = Enumerable.Range(0, 10_000)
            .Select(i => new TestItem($"Item {i}", server.Url($"/big/items/{i}"), $"Item {i}: " + new string('x', 40), TestFeeds.Date.AddMinutes(i)))
            .ToList();
        server.MapContent("/big/feed", TestFeeds.Rss(items), "application/rss+xml");
        var settings = FetchHarness.Sources((UniqueName("big"), server.Url("/big/feed")));
        settings["Fetch:MaxItemsPerSource"] = "20";
        settings["Fetch:FullTextBelowChars"] = "0";
        await using var harness = CreateSut(settings);

        var report = await harness.RunAsync();

        Assert.Equal((10_000, 20), (report.Items, report.Stored));
        Assert.Equal(1, harness.Logs.Count(1015));
        Assert.NotNull(await harness.ArticleAtAsync(server.Url("/big/items/9999")));
        Assert.Null(await harness.ArticleAtAsync(server.Url("/big/items/0")));
    }

    [Fact]
    public async Task RunAsync_ItemsWithoutLinkOrDateOddDatesAndHtmlTitles_AreSkippedOrCleaned()
    {
        var feed = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Quirks</title>
            <item><title>No link at all</title><description>{new string('y', 50)}</description></item>
            <item><title>No date</title><link>{server.Url("/quirks/no-date")}</link><description>Text of the undated item.</description></item>
            <item><title>US zone</title><link>{server.Url("/quirks/est")}</link><pubDate>Sat, 14 Mar 2026 04:30:00 EST</pubDate><description>Eastern time.</description></item>
            <item><title>No seconds</title><link>{server.Url("/quirks/iso")}</link><pubDate>2026-03-14 09:30</pubDate><description>ISO without seconds.</description></item>
            <item><title>Nonsense date</title><link>{server.Url("/quirks/nonsense")}</link><pubDate>the day after tomorrow</pubDate><description>Unreadable date.</description></item>
            <item><title>&lt;b&gt;Bold&lt;/b&gt; &amp;amp; &lt;i&gt;news&lt;/i&gt;</title><link>{server.Url("/quirks/html-title")}</link><description>HTML in the title.</description></item>
            </channel></rss>
            """;
        server.MapContent("/quirks/feed", feed, "application/rss+xml");
        var settings = FetchHarness.Sources((UniqueName("quirks"), server.Url("/quirks/feed")));
        settings["Fetch:FullTextBelowChars"] = "0";
        await using var harness = CreateSut(settings);

        var report = await harness.RunAsync();

        Assert.Equal((5, 5), (report.Items, report.Stored));
        var warnings = Assert.Single(report.Details).Warnings;
        Assert.Contains(warnings, w => w.Contains("without a usable link", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("the day after tomorrow", StringComparison.Ordinal));
        Assert.Null((await harness.ArticleAtAsync(server.Url("/quirks/no-date")))!.Published);
        Assert.Null((await harness.ArticleAtAsync(server.Url("/quirks/nonsense")))!.Published);
        Assert.Equal(TestFeeds.Date, (await harness.ArticleAtAsync(server.Url("/quirks/est")))!.Published);
        Assert.Equal(TestFeeds.Date, (await harness.ArticleAtAsync(server.Url("/quirks/iso")))!.Published);
        Assert.Equal("Bold & news", (await harness.ArticleAtAsync(server.Url("/quirks/html-title")))!.Title);
    }
}
