using System.Diagnostics;
using System.Text;
using Alerts.Fetching;

namespace Alerts.Tests.Fetching;

public sealed class FeedParserHostileInputTests
{
    private static readonly Uri FeedUrl = new("https://feeds.harbourgazette.example/rss.xml");

    private static FeedParseResult Parse(byte[] content, string? contentType = "application/rss+xml") =>
        new FeedParser().Parse(content, contentType, FeedUrl);

    private static FeedParseResult Parse(string content) => Parse(Encoding.UTF8.GetBytes(content));

    [Fact]
    public void Parse_ExternalEntity_ThrowsDtdNotAllowedWithoutReadingTheFile()
    {
        var exception = Assert.Throws<FeedFormatException>(() => Parse("""
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>&secret;</title></channel></rss>
            """));

        Assert.Equal("DTD is not allowed", exception.Message);
    }

    [Fact]
    public void Parse_ElementsNested40000Deep_ThrowsNestedTooDeep()
    {
        var nested = string.Concat(Enumerable.Repeat("<x>", 40_000)) + string.Concat(Enumerable.Repeat("</x>", 40_000));

        var exception = Assert.Throws<FeedFormatException>(() => Parse($"""
            <rss version="2.0"><channel><title>Deep</title>
            <item><title>Story</title><link>https://harbourgazette.example/story</link><description>{nested}</description></item>
            </channel></rss>
            """));

        Assert.Equal("XML nested deeper than 100 elements", exception.Message);
    }

    [Fact]
    public void Parse_BillionLaughs_ThrowsDtdNotAllowed()
    {
        var exception = Assert.Throws<FeedFormatException>(() => Parse("""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
            ]>
            <rss version="2.0"><channel><title>&lol4;</title></channel></rss>
            """));

        Assert.Equal("DTD is not allowed", exception.Message);
    }

    [Fact]
    public void Parse_DoctypeAfterComment_ThrowsDtdNotAllowed()
    {
        var exception = Assert.Throws<FeedFormatException>(() => Parse("""
            <!-- generated --><!DOCTYPE rss SYSTEM "http://attacker.example/rss.dtd"><rss version="2.0"/>
            """));

        Assert.Equal("DTD is not allowed", exception.Message);
    }

    [Fact]
    public void Parse_HtmlPage_ThrowsNotAFeedHtmlPage()
    {
        var exception = Assert.Throws<FeedFormatException>(() => Parse("""
            <!DOCTYPE html>
            <html lang="en"><head><title>Subscribe!</title></head><body><p>Our feed moved.</p></body></html>
            """));

        Assert.Equal("not a feed: HTML page", exception.Message);
    }

    [Fact]
    public void Parse_HtmlWithoutDoctype_ThrowsNotAFeedHtmlPage()
    {
        var exception = Assert.Throws<FeedFormatException>(() => Parse("<html><body>Consent required<br></body></html>"));

        Assert.Equal("not a feed: HTML page", exception.Message);
    }

    [Fact]
    public void Parse_BinaryServedAsXml_ThrowsBinaryContent()
    {
        var bytes = new byte[2048];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0x01;

        var exception = Assert.Throws<FeedFormatException>(() => Parse(bytes, "text/xml"));

        Assert.StartsWith("binary content", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GzipBytesServedAsXml_ThrowsBinaryContentNamingGzip()
    {
        var exception = Assert.Throws<FeedFormatException>(() => Parse([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00], "text/xml"));

        Assert.Contains("gzip", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PlainText_ThrowsNotAFeed()
    {
        var exception = Assert.Throws<FeedFormatException>(() => Parse("Rate limit exceeded, try again later."));

        Assert.StartsWith("not a feed: plain text", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyResponse_ThrowsNotAFeed()
    {
        var exception = Assert.Throws<FeedFormatException>(() => Parse("  \n "));

        Assert.Equal("not a feed: empty response", exception.Message);
    }

    [Fact]
    public void Parse_UnknownXmlRoot_ThrowsNamingTheRoot()
    {
        var exception = Assert.Throws<FeedFormatException>(() => Parse("<error><code>403</code></error>"));

        Assert.Equal("not a feed: XML root element <error>", exception.Message);
    }

    [Fact]
    public void Parse_MalformedXmlBeforeAnyItem_ThrowsMalformedXml()
    {
        var exception = Assert.Throws<FeedFormatException>(() => Parse("<rss version=\"2.0\"><channel><title>T</titel></channel></rss>"));

        Assert.StartsWith("malformed XML", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TruncatedAfterItems_KeepsItemsAndWarns()
    {
        var result = Parse("""
            <rss version="2.0"><channel><title>T</title>
              <item><title>Complete</title><link>https://harbourgazette.example/1</link></item>
              <item><title>Cut off</title><link>https://harbourgazette.
            """);

        Assert.Equal("Complete", Assert.Single(result.Items).Title);
        Assert.Contains(result.Warnings, w => w.StartsWith("feed cut short", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Utf8WithStrayInvalidBytes_DecodesThemAsReplacementCharacters()
    {
        // The valid "é" is the evidence that this is UTF-8 (Latin-1 throughout would be decoded as such).
        var head = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Caf\u00e9</title><item><title>Bad ");
        var tail = Encoding.UTF8.GetBytes(" bytes</title><link>https://harbourgazette.example/bad</link></item></channel></rss>");
        byte[] content = [.. head, 0xC3, 0x28, 0xFF, .. tail];

        var result = Parse(content, "application/rss+xml; charset=utf-8");

        var title = Assert.Single(result.Items).Title;
        Assert.StartsWith("Bad \uFFFD", title, StringComparison.Ordinal);
        Assert.EndsWith("bytes", title, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TenThousandItems_ParsesAllQuickly()
    {
        var feed = new StringBuilder("<rss version=\"2.0\"><channel><title>Big</title>");
        for (var i = 0; i < 10_000; i++)
        {
            feed.Append("<item><title>Story ").Append(i).Append(" &amp; more</title><link>https://harbourgazette.example/s/")
                .Append(i).Append("</link><description>&lt;p&gt;Text ").Append(i).Append("&lt;/p&gt;</description>")
                .Append("<pubDate>Sat, 09 Aug 2025 14:03:00 GMT</pubDate></item>");
        }
        feed.Append("</channel></rss>");
        var stopwatch = Stopwatch.StartNew();

        var result = Parse(feed.ToString());

        Assert.Equal(10_000, result.Items.Count);
        Assert.Equal("Story 9999 & more", result.Items[^1].Title);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Parse_TenThousandItemsWithBadDates_CapsTheWarnings()
    {
        var feed = new StringBuilder("<rss version=\"2.0\"><channel><title>Big</title>");
        for (var i = 0; i < 10_000; i++)
        {
            feed.Append("<item><title>S</title><link>https://harbourgazette.example/").Append(i).Append("</link><pubDate>soon</pubDate></item>");
        }
        feed.Append("</channel></rss>");

        var result = Parse(feed.ToString());

        Assert.Equal(10_000, result.Items.Count);
        Assert.True(result.Warnings.Count <= 25);
        Assert.Contains("9980 more warnings not shown", result.Warnings);
    }

    private static string RssWithItems(int count, Func<int, string> item) =>
        $"""<rss version="2.0"><channel><title>Many</title>{string.Concat(Enumerable.Range(0, count).Select(item))}</channel></rss>""";

    [Fact]
    public void Parse_CancelledWhileReadingALargeXmlFeed_StopsWithCancellation()
    {
        // Parsing is synchronous: the source's time budget reaches it only through the token.
        var feed = Encoding.UTF8.GetBytes(RssWithItems(10_000, i => $"<item><title>Story {i}</title><link>https://harbourgazette.example/{i}</link></item>"));

        Assert.ThrowsAny<OperationCanceledException>(() => new FeedParser().Parse(feed, "application/rss+xml", FeedUrl, new CancellationToken(canceled: true)));
        Assert.Equal(10_000, new FeedParser().Parse(feed, "application/rss+xml", FeedUrl, CancellationToken.None).Items.Count);
    }

    [Fact]
    public void Parse_CancelledWhileReadingALargeJsonFeed_StopsWithCancellation()
    {
        var items = string.Join(",", Enumerable.Range(0, 10_000).Select(i => $$"""{"id":"{{i}}","url":"https://harbourgazette.example/{{i}}","title":"Story {{i}}"}"""));
        var feed = Encoding.UTF8.GetBytes($$"""{"version":"https://jsonfeed.org/version/1.1","title":"Many","items":[{{items}}]}""");

        Assert.ThrowsAny<OperationCanceledException>(() => new FeedParser().Parse(feed, "application/feed+json", FeedUrl, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Parse_Author20000CharsLong_IsCutToTheInputCapBeforeAnyPatternRuns()
    {
        var author = new string('x', 20_000);

        var item = Assert.Single(Parse($"""
            <rss version="2.0"><channel><title>Long</title>
            <item><title>Story</title><link>https://harbourgazette.example/story</link><author>{author}</author></item>
            </channel></rss>
            """).Items);

        Assert.Equal(FeedItemDraft.MaxAuthorInputChars, item.Author!.Length);
        Assert.Equal(800, FeedItemDraft.MaxAuthorInputChars);
    }

    [Fact]
    public void Parse_RegexKillerAuthorsAndDates_AreReadWithoutBacktracking()
    {
        // "\S+@\S+" over a run of '@' tries every split of it with a backtracking engine.
        string[] authors = [string.Concat(Enumerable.Repeat("a@", 10_000)), "x@y (" + new string('(', 10_000), new string('@', 20_000) + " (z"];
        var date = "Mon, 01 Jan 2024 " + new string(' ', 20_000) + "(";

        var result = Parse(RssWithItems(authors.Length, i =>
            $"<item><title>Story {i}</title><link>https://harbourgazette.example/{i}</link><author>{authors[i]}</author><pubDate>{date}</pubDate></item>"));

        Assert.True(FeedItemDraft.AuthorPattern.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.NonBacktracking));
        Assert.Equal(3, result.Items.Count);
        Assert.All(result.Items, i => Assert.True(i.Author!.Length <= FeedItemDraft.MaxAuthorInputChars));
        Assert.All(result.Items, i => Assert.Null(i.Published));
        // The warning names the date, cut to what a date can be.
        Assert.All(result.Warnings.Where(w => w.StartsWith("unreadable date", StringComparison.Ordinal)), w => Assert.True(w.Length < FeedDate.MaxChars + 100, w));
    }
}
