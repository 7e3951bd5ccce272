using System.Globalization;
using System.Net;
using System.Text;

namespace Alerts.Tests.Fetching;

public sealed record TestItem(string Title, Uri Link, string? Summary = null, DateTimeOffset? Published = null);

/// <summary>Feeds in each format and article pages, with story text unique to each call so tests never collide in
/// the shared store (the syndication index would otherwise see copies across tests).</summary>
internal static class TestFeeds
{
    private static readonly string[] Vocabulary =
    [
        "harbour", "council", "minister", "border", "river", "shipment", "budget", "inquiry", "storm", "festival",
        "court", "railway", "mayor", "drought", "market", "treaty", "school", "hospital", "bridge", "election",
        "farmers", "fishermen", "teachers", "nurses", "engineers", "voted", "rejected", "approved", "delayed", "opened",
        "yesterday", "quietly", "again", "despite", "after", "before", "during", "because", "although", "while",
    ];

    private static int counter;

    public static DateTimeOffset Date { get; } = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    /// <summary>About <paramref name="words"/> words of made-up news, different on every call.</summary>
    public static string Story(int words = 160)
    {
        var seed = Interlocked.Increment(ref counter) * 7919 + Environment.TickCount;
        var text = new StringBuilder($"Report {Guid.NewGuid():N}. ");
        for (var i = 1; i <= words; i++)
        {
            text.Append(Vocabulary[(int)((uint)HashCode.Combine(seed, i) % Vocabulary.Length)]);
            text.Append(i % 12 == 0 ? ". " : " ");
            if (i % 48 == 0)
            {
                text.Append('\n').Append('\n');
            }
        }
        return text.ToString().Trim() + ".";
    }

    public static string Page(string title, string text, Uri? canonical = null) => $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)}</title>
        {(canonical is null ? "" : $"<link rel=\"canonical\" href=\"{canonical}\">")}
        <meta property="article:published_time" content="2026-03-14T09:30:00Z"></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>{WebUtility.HtmlEncode(title)}</h1>
        {string.Concat(text.Split("\n\n").Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>\n"))}
        </article><footer><p>© Harbour Gazette</p></footer></body></html>
        """;

    public static string Rss(IEnumerable<TestItem> items, string channelExtras = "") => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Test RSS</title><link>http://example.test/</link>{channelExtras}
        {string.Concat(items.Select(i => $"""
            <item><title>{X(i.Title)}</title><link>{X(i.Link.AbsoluteUri)}</link>
            {(i.Summary is null ? "" : $"<description>{X(i.Summary)}</description>")}
            {(i.Published is { } d ? $"<pubDate>{d.ToString("R", CultureInfo.InvariantCulture)}</pubDate>" : "")}</item>
            """))}
        </channel></rss>
        """;

    public static string Rdf(IEnumerable<TestItem> items) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="http://example.test/"><title>Test RDF</title><link>http://example.test/</link></channel>
        {string.Concat(items.Select(i => $"""
            <item rdf:about="{X(i.Link.AbsoluteUri)}"><title>{X(i.Title)}</title><link>{X(i.Link.AbsoluteUri)}</link>
            {(i.Summary is null ? "" : $"<description>{X(i.Summary)}</description>")}
            {(i.Published is { } d ? $"<dc:date>{d:yyyy-MM-ddTHH:mm:ssZ}</dc:date>" : "")}</item>
            """))}
        </rdf:RDF>
        """;

    public static string Atom(IEnumerable<TestItem> items) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Test Atom</title><id>urn:test</id><updated>2026-03-14T10:00:00Z</updated>
        {string.Concat(items.Select(i => $"""
            <entry><title type="html">{X(i.Title)}</title><link rel="alternate" href="{X(i.Link.AbsoluteUri)}"/><id>{X(i.Link.AbsoluteUri)}</id>
            {(i.Summary is null ? "" : $"<summary>{X(i.Summary)}</summary>")}
            {(i.Published is { } d ? $"<published>{d:yyyy-MM-ddTHH:mm:ssZ}</published><updated>{d:yyyy-MM-ddTHH:mm:ssZ}</updated>" : "")}</entry>
            """))}
        </feed>
        """;

    public static string JsonFeed(IEnumerable<TestItem> items) => System.Text.Json.JsonSerializer.Serialize(new
    {
        version = "https://jsonfeed.org/version/1.1",
        title = "Test JSON Feed",
        items = items.Select(i => new Dictionary<string, object?>
        {
            ["id"] = i.Link.AbsoluteUri,
            ["url"] = i.Link.AbsoluteUri,
            ["title"] = i.Title,
            ["summary"] = i.Summary,
            ["date_published"] = i.Published?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        }),
    });

    public static string Gdelt(IEnumerable<TestItem> items) => System.Text.Json.JsonSerializer.Serialize(new
    {
        articles = items.Select(i => new
        {
            url = i.Link.AbsoluteUri,
            url_mobile = "",
            title = i.Title,
            seendate = (i.Published ?? Date).ToString("yyyyMMddTHHmmssZ", CultureInfo.InvariantCulture),
            socialimage = "",
            domain = i.Link.Host,
            language = "English",
            sourcecountry = "United States",
        }),
    });

    /// <summary>A Google News search result: the link is Google's, the description an HTML list, the title ends in " - Outlet".</summary>
    public static string GoogleNews(IEnumerable<(TestItem Item, Uri GoogleLink, string Outlet)> items) => $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <rss xmlns:media="http://search.yahoo.com/mrss/" version="2.0"><channel><generator>NFE/5.0</generator>
        <title>"harbour" - Google News</title><link>https://news.google.com/search?q=harbour</link><language>en-US</language>
        {string.Concat(items.Select(x => $"""
            <item><title>{X(x.Item.Title + " - " + x.Outlet)}</title><link>{X(x.GoogleLink.AbsoluteUri)}</link>
            <guid isPermaLink="false">{X(x.GoogleLink.Segments[^1])}</guid>
            <pubDate>{(x.Item.Published ?? Date).ToString("R", CultureInfo.InvariantCulture)}</pubDate>
            <description>{X($"<a href=\"{x.GoogleLink}\" target=\"_blank\">{x.Item.Title}</a>&nbsp;&nbsp;<font color=\"#6f6f6f\">{x.Outlet}</font>")}</description>
            <source url="https://{x.Outlet.ToLowerInvariant().Replace(' ', '-')}.example">{X(x.Outlet)}</source></item>
            """))}
        </channel></rss>
        """;

    /// <summary>A Google News article link in the older format that carries the article URL in its id.</summary>
    public static Uri GoogleNewsLinkTo(Uri article)
    {
        var url = Encoding.ASCII.GetBytes(article.AbsoluteUri);
        var payload = new byte[] { 0x08, 0x13, 0x22, (byte)url.Length }.Concat(url).Concat(new byte[] { 0xD2, 0x01, 0x00 }).ToArray();
        var id = Convert.ToBase64String(payload).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new Uri($"https://news.google.com/rss/articles/{id}?oc=5");
    }

    private static string X(string text) => WebUtility.HtmlEncode(text);
}
