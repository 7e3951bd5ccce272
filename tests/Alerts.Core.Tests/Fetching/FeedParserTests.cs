using System.Text;
using Alerts.Fetching;

namespace Alerts.Tests.Fetching;

public sealed class FeedParserTests
{
    private static readonly Uri FeedUrl = new("https://feeds.harbourgazette.example/world/rss.xml");

    private static FeedParseResult Parse(string feed, string? contentType = null) =>
        new FeedParser().Parse(Encoding.UTF8.GetBytes(feed), contentType, FeedUrl);

    [Fact]
    public void Parse_Rss20_ReadsChannelAndItemFields()
    {
        var result = Parse("""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>Harbour Gazette: World</title>
                <language>en-gb</language>
                <item>
                  <title>Ferry strike ends after talks</title>
                  <link>https://www.harbourgazette.example/world/ferry-strike-ends</link>
                  <guid isPermaLink="false">hg-4411</guid>
                  <description>&lt;p&gt;Unions and operators &lt;b&gt;agreed&lt;/b&gt; terms.&lt;/p&gt;</description>
                  <content:encoded><![CDATA[<p>First paragraph.</p><p>Second paragraph.</p><script>track()</script>]]></content:encoded>
                  <dc:creator>Mira Castell</dc:creator>
                  <pubDate>Sat, 09 Aug 2025 14:03:00 +0000</pubDate>
                </item>
              </channel>
            </rss>
            """);

        Assert.Equal(FeedFormat.Rss, result.Format);
        Assert.Equal("Harbour Gazette: World", result.Title);
        var item = Assert.Single(result.Items);
        Assert.Equal("hg-4411", item.Id);
        Assert.Equal(new Uri("https://www.harbourgazette.example/world/ferry-strike-ends"), item.Link);
        Assert.Equal("Ferry strike ends after talks", item.Title);
        Assert.Equal("Unions and operators agreed terms.", item.Summary);
        Assert.Contains("<p>First paragraph.</p>", item.ContentHtml, StringComparison.Ordinal);
        Assert.Equal("First paragraph.\n\nSecond paragraph.", item.ContentText);
        Assert.Equal("Mira Castell", item.Author);
        Assert.Equal(new DateTimeOffset(2025, 8, 9, 14, 3, 0, TimeSpan.Zero), item.Published);
        Assert.Equal("en-gb", item.Language);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Parse_Rss091_ReadsItems()
    {
        var result = Parse("""
            <rss version="0.91"><channel><title>Valley Courier</title>
              <item><title>Bridge reopens</title><link>http://valleycourier.example/bridge</link>
                <description>Traffic resumes.</description></item>
            </channel></rss>
            """);

        Assert.Equal(FeedFormat.Rss, result.Format);
        Assert.Equal("Bridge reopens", Assert.Single(result.Items).Title);
    }

    [Fact]
    public void Parse_Rdf_ReadsRss10Items()
    {
        var result = Parse("""
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://northwind-ledger.example/">
                <title>Northwind Ledger</title>
                <items><rdf:Seq><rdf:li rdf:resource="https://northwind-ledger.example/a/1"/></rdf:Seq></items>
              </channel>
              <item rdf:about="https://northwind-ledger.example/a/1">
                <title>Council approves budget</title>
                <link>https://northwind-ledger.example/a/1</link>
                <description>The vote was 7 to 2.</description>
                <dc:date>2025-08-09T10:15:00+02:00</dc:date>
                <dc:creator>Ola Brenn</dc:creator>
                <dc:language>nb</dc:language>
              </item>
            </rdf:RDF>
            """);

        Assert.Equal(FeedFormat.Rdf, result.Format);
        Assert.Equal("Northwind Ledger", result.Title);
        var item = Assert.Single(result.Items);
        Assert.Equal("https://northwind-ledger.example/a/1", item.Id);
        Assert.Equal("Council approves budget", item.Title);
        Assert.Equal(new DateTimeOffset(2025, 8, 9, 8, 15, 0, TimeSpan.Zero), item.Published);
        Assert.Equal("Ola Brenn", item.Author);
        Assert.Equal("nb", item.Language);
    }

    [Fact]
    public void Parse_Atom_ReadsEntryWithXmlBaseAndXhtmlContent()
    {
        var result = Parse("""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://lakeside-post.example/news/" xml:lang="fr">
              <title type="html">Lakeside &lt;em&gt;Post&lt;/em&gt;</title>
              <entry>
                <id>tag:lakeside-post.example,2025:42</id>
                <title type="text">Port extension approved</title>
                <link rel="self" href="/api/42"/>
                <link rel="alternate" type="text/html" href="2025/port-extension"/>
                <author><name>Jeanne Arbel</name></author>
                <published>2025-08-09T06:00:00Z</published>
                <updated>2025-08-09T07:00:00Z</updated>
                <summary type="html">&lt;p&gt;Work starts in &lt;b&gt;spring&lt;/b&gt;.&lt;/p&gt;</summary>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The harbour board voted.</p></div></content>
              </entry>
            </feed>
            """);

        Assert.Equal(FeedFormat.Atom, result.Format);
        Assert.Equal("Lakeside Post", result.Title);
        var item = Assert.Single(result.Items);
        Assert.Equal("tag:lakeside-post.example,2025:42", item.Id);
        Assert.Equal(new Uri("https://lakeside-post.example/news/2025/port-extension"), item.Link);
        Assert.Equal("Jeanne Arbel", item.Author);
        Assert.Equal(new DateTimeOffset(2025, 8, 9, 6, 0, 0, TimeSpan.Zero), item.Published);
        Assert.Equal("Work starts in spring.", item.Summary);
        Assert.Equal("The harbour board voted.", item.ContentText);
        Assert.Equal("fr", item.Language);
    }

    [Fact]
    public void Parse_AtomEntryWithOnlyUpdated_UsesUpdatedAsPublished()
    {
        var result = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
              <entry><id>urn:x:1</id><title>Only updated</title><link href="https://lakeside-post.example/1"/>
                <updated>2025-08-09T07:00:00Z</updated></entry></feed>
            """);

        Assert.Equal(new DateTimeOffset(2025, 8, 9, 7, 0, 0, TimeSpan.Zero), Assert.Single(result.Items).Published);
    }

    [Fact]
    public void Parse_RelativeLinks_ResolvesAgainstFeedUrlAndItemXmlBase()
    {
        var result = Parse("""
            <rss version="2.0"><channel><title>T</title>
              <item><title>Root relative</title><link>/world/story-1</link></item>
              <item><title>Path relative</title><link>story-2</link></item>
              <item xml:base="https://archive.harbourgazette.example/2025/"><title>With base</title><link>story-3</link></item>
              <item><title>Protocol relative</title><link>//cdn.harbourgazette.example/story-4</link></item>
            </channel></rss>
            """);

        Assert.Equal(
            [
                new Uri("https://feeds.harbourgazette.example/world/story-1"),
                new Uri("https://feeds.harbourgazette.example/world/story-2"),
                new Uri("https://archive.harbourgazette.example/2025/story-3"),
                new Uri("https://cdn.harbourgazette.example/story-4"),
            ],
            result.Items.Select(i => i.Link));
    }

    [Fact]
    public void Parse_ItemsWithoutLink_SkipsThemAndCountsThemInAWarning()
    {
        var result = Parse("""
            <rss version="2.0"><channel><title>T</title>
              <item><title>No link at all</title></item>
              <item><title>Script link</title><link>javascript:alert(1)</link></item>
              <item><title>Guid permalink</title><guid>https://harbourgazette.example/guid-story</guid></item>
              <item><title>Fine</title><link>https://harbourgazette.example/fine</link></item>
            </channel></rss>
            """);

        Assert.Equal(["Guid permalink", "Fine"], result.Items.Select(i => i.Title));
        Assert.Contains("skipped 2 item(s) without a usable link", result.Warnings);
    }

    [Fact]
    public void Parse_ItemWithoutDate_KeepsItWithNullPublished()
    {
        var result = Parse("""
            <rss version="2.0"><channel><title>T</title>
              <item><title>Undated</title><link>https://harbourgazette.example/undated</link></item>
            </channel></rss>
            """);

        Assert.Null(Assert.Single(result.Items).Published);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Parse_UnreadableDate_KeepsItemWithNullPublishedAndWarns()
    {
        var result = Parse("""
            <rss version="2.0"><channel><title>T</title>
              <item><title>Odd</title><link>https://harbourgazette.example/odd</link><pubDate>sometime last week</pubDate></item>
            </channel></rss>
            """);

        Assert.Null(Assert.Single(result.Items).Published);
        Assert.Contains(result.Warnings, w => w.Contains("sometime last week", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Sat, 9 Aug 2025 14:03:00 EDT", "2025-08-09T18:03:00Z")]
    [InlineData("Sat, 09 Aug 2025 14:03:00 GMT+2", "2025-08-09T12:03:00Z")]
    [InlineData("09 Aug 2025 14:03:00 +0200", "2025-08-09T12:03:00Z")]
    [InlineData("2025-08-09 14:03", "2025-08-09T14:03:00Z")]
    [InlineData("2025-08-09T14:03:00-05:00", "2025-08-09T19:03:00Z")]
    public void Parse_OddRssDates_ReadsThemAsUtc(string pubDate, string expectedUtc)
    {
        var result = Parse($"""
            <rss version="2.0"><channel><title>T</title>
              <item><title>Dated</title><link>https://harbourgazette.example/d</link><pubDate>{pubDate}</pubDate></item>
            </channel></rss>
            """);

        var published = Assert.Single(result.Items).Published;
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), published);
        Assert.Equal(TimeSpan.Zero, published!.Value.Offset);
    }

    [Fact]
    public void Parse_HtmlAndEntitiesInTitle_StripsTagsAndDecodesEntities()
    {
        var result = Parse("""
            <rss version="2.0"><channel><title>T</title>
              <item><title><![CDATA[<b>Mayor</b> says &quot;no&quot; to <i>tolls</i> &amp; fees]]></title><link>https://harbourgazette.example/t1</link></item>
              <item><title>Rock &amp;amp; roll &#8211; live</title><link>https://harbourgazette.example/t2</link></item>
            </channel></rss>
            """);

        Assert.Equal(["Mayor says \"no\" to tolls & fees", "Rock & roll \u2013 live"], result.Items.Select(i => i.Title));
    }

    [Fact]
    public void Parse_UnescapedAmpersandAndHtmlEntity_RepairsAndWarns()
    {
        var result = Parse("""
            <rss version="2.0"><channel><title>T</title>
              <item><title>Smith & Sons&nbsp;expand</title><link>https://harbourgazette.example/a?x=1&y=2</link></item>
            </channel></rss>
            """);

        var item = Assert.Single(result.Items);
        Assert.Equal("Smith & Sons expand", item.Title);
        Assert.Equal("https://harbourgazette.example/a?x=1&y=2", item.Link.AbsoluteUri);
        Assert.Contains(result.Warnings, w => w.StartsWith("repaired", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_GoogleNewsRss_KeepsRedirectLinkAndOutletAndTrimsOutletFromTitle()
    {
        var result = Parse("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <rss xmlns:media="http://search.yahoo.com/mrss/" version="2.0">
              <channel>
                <generator>NFE/5.0</generator>
                <title>"harbour tolls" - Google News</title>
                <link>https://news.google.com/search?q=harbour+tolls</link>
                <language>en-US</language>
                <item>
                  <title>Harbour tolls to rise in autumn - The Meridian Tribune</title>
                  <link>https://news.google.com/rss/articles/CBMiVkFVX3lxTE1fake0123?oc=5</link>
                  <guid isPermaLink="false">CBMiVkFVX3lxTE1fake0123</guid>
                  <pubDate>Sat, 09 Aug 2025 07:00:00 GMT</pubDate>
                  <description>&lt;a href="https://news.google.com/rss/articles/CBMiVkFVX3lxTE1fake0123?oc=5" target="_blank"&gt;Harbour tolls to rise in autumn&lt;/a&gt;&amp;nbsp;&amp;nbsp;&lt;font color="#6f6f6f"&gt;The Meridian Tribune&lt;/font&gt;</description>
                  <source url="https://meridian-tribune.example">The Meridian Tribune</source>
                </item>
              </channel>
            </rss>
            """);

        Assert.Equal(FeedFormat.Rss, result.Format);
        var item = Assert.Single(result.Items);
        Assert.Equal("news.google.com", item.Link.Host);
        Assert.Equal("The Meridian Tribune", item.Outlet);
        Assert.Equal(new Uri("https://meridian-tribune.example"), item.OutletUrl);
        Assert.Equal("Harbour tolls to rise in autumn", item.Title);
        Assert.Equal("en-US", item.Language);
        Assert.Equal(new DateTimeOffset(2025, 8, 9, 7, 0, 0, TimeSpan.Zero), item.Published);
    }

    [Fact]
    public void Parse_GdeltDocJson_ReadsArticles()
    {
        var result = Parse("""
            {"articles": [
              {"url": "https://meridian-tribune.example/2025/08/09/tolls", "url_mobile": "https://m.meridian-tribune.example/2025/08/09/tolls",
               "title": "Harbour tolls to rise", "seendate": "20250809T120000Z", "socialimage": "https://meridian-tribune.example/t.jpg",
               "domain": "meridian-tribune.example", "language": "English", "sourcecountry": "United Kingdom"},
              {"url_mobile": "https://m.valleycourier.example/b", "title": "Mobile only", "seendate": "20250809T121500Z",
               "domain": "valleycourier.example", "language": "Spanish", "sourcecountry": "Spain"}
            ]}
            """, "application/json; charset=utf-8");

        Assert.Equal(FeedFormat.GdeltDoc, result.Format);
        Assert.Equal(2, result.Items.Count);
        var first = result.Items[0];
        Assert.Equal(new Uri("https://meridian-tribune.example/2025/08/09/tolls"), first.Link);
        Assert.Equal("Harbour tolls to rise", first.Title);
        Assert.Equal(new DateTimeOffset(2025, 8, 9, 12, 0, 0, TimeSpan.Zero), first.Published);
        Assert.Equal("meridian-tribune.example", first.Outlet);
        Assert.Equal("English", first.Language);
        Assert.Equal(new Uri("https://m.valleycourier.example/b"), result.Items[1].Link);
    }

    [Fact]
    public void Parse_GdeltEmptyObject_ReturnsNoItems()
    {
        var result = Parse("{}");

        Assert.Equal(FeedFormat.GdeltDoc, result.Format);
        Assert.Empty(result.Items);
    }

    [Fact]
    public void Parse_JsonFeed11_ReadsItemsWithAuthorsAndUnixDate()
    {
        var result = Parse("""
            {
              "version": "https://jsonfeed.org/version/1.1",
              "title": "Copperfield Daily",
              "home_page_url": "https://copperfield-daily.example/",
              "language": "en",
              "items": [
                {"id": "cd-1", "url": "/2025/08/09/mill", "title": "Mill reopens",
                 "content_html": "<p>Jobs return.</p><p>Owners are hopeful.</p>", "summary": "Jobs return.",
                 "date_published": "2025-08-09T09:30:00+01:00", "authors": [{"name": "Ivo Hart"}, {"name": "Lena Moss"}]},
                {"id": 2, "external_url": "https://copperfield-daily.example/x", "content_text": "Plain words only.",
                 "date_published": 1754730000, "language": "de"}
              ]
            }
            """);

        Assert.Equal(FeedFormat.JsonFeed, result.Format);
        Assert.Equal("Copperfield Daily", result.Title);
        var first = result.Items[0];
        Assert.Equal(new Uri("https://feeds.harbourgazette.example/2025/08/09/mill"), first.Link);
        Assert.Equal("Jobs return.\n\nOwners are hopeful.", first.ContentText);
        Assert.Equal("Ivo Hart, Lena Moss", first.Author);
        Assert.Equal(new DateTimeOffset(2025, 8, 9, 8, 30, 0, TimeSpan.Zero), first.Published);
        Assert.Equal("en", first.Language);
        var second = result.Items[1];
        Assert.Equal("2", second.Id);
        Assert.Null(second.ContentHtml);
        Assert.Equal("Plain words only.", second.ContentText);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1754730000), second.Published);
        Assert.Equal("de", second.Language);
    }

    [Fact]
    public void Parse_JsonFeed10_ReadsSingleAuthor()
    {
        var result = Parse("""
            {"version": "https://jsonfeed.org/version/1", "title": "Old feed",
             "items": [{"id": "1", "url": "https://copperfield-daily.example/1", "title": "Hello", "author": {"name": "Ada Kerr"}}]}
            """);

        Assert.Equal("Ada Kerr", Assert.Single(result.Items).Author);
    }

    [Fact]
    public void Parse_RssAuthorEmailWithName_KeepsTheName()
    {
        var result = Parse("""
            <rss version="2.0"><channel><title>T</title>
              <item><title>A</title><link>https://harbourgazette.example/a</link><author>desk@harbourgazette.example (Tom Reyes)</author></item>
            </channel></rss>
            """);

        Assert.Equal("Tom Reyes", Assert.Single(result.Items).Author);
    }

    [Fact]
    public void Parse_Latin1DeclaredInXml_DecodesAccents()
    {
        var bytes = Encoding.Latin1.GetBytes("""
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <rss version="2.0"><channel><title>T</title>
              <item><title>Café déjà fermé</title><link>https://harbourgazette.example/cafe</link></item>
            </channel></rss>
            """);

        var result = new FeedParser().Parse(bytes, "text/xml", FeedUrl);

        Assert.Equal("Café déjà fermé", Assert.Single(result.Items).Title);
    }

    [Fact]
    public void Parse_Utf16WithBom_IsTextNotBinary()
    {
        var feed = """
            <?xml version="1.0" encoding="utf-16"?>
            <rss version="2.0"><channel><title>T</title>
              <item><title>Größere Fähren</title><link>https://harbourgazette.example/faehren</link></item>
            </channel></rss>
            """;
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(feed)];

        var result = new FeedParser().Parse(bytes, "application/xml", FeedUrl);

        Assert.Equal("Größere Fähren", Assert.Single(result.Items).Title);
    }
}
