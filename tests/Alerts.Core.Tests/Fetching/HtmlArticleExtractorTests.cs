using Alerts.Fetching;

namespace Alerts.Tests.Fetching;

public sealed class HtmlArticleExtractorTests
{
    private static readonly Uri PageUrl = new("https://amp.meridian-tribune.example/2025/08/09/harbour-tolls/amp");

    private const string ArticlePage = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
          <title>Harbour tolls to rise by twelve percent | The Meridian Tribune</title>
          <link rel="canonical" href="https://www.meridian-tribune.example/2025/08/09/harbour-tolls">
          <meta property="og:title" content="Harbour tolls to rise by twelve percent">
          <meta name="author" content="Rosa Delgado">
          <meta property="article:published_time" content="2025-08-09T08:30:00+02:00">
          <style>.x { color: red }</style>
          <script>window.tracker = "do not keep";</script>
        </head>
        <body>
          <nav><a href="/">Home</a> <a href="/world">World</a> <p>Menu paragraph</p></nav>
          <article>
            <h1>Harbour tolls to rise by twelve percent</h1>
            <p>The harbour authority on Tuesday approved a plan to raise tolls for cargo ships by twelve percent from October, arguing that the extra money is needed to dredge the eastern channel before winter storms arrive.</p>
            <p>Shipping companies said the increase would be passed on to customers. “We can’t absorb another rise,” said a spokesperson for the regional freight association, which represents forty operators along the coast.</p>
            <script>alert("inline");</script>
            <p>The authority said the dredging work would take about nine months and that tolls would be reviewed again next spring. Local fishermen, who are exempt from the increase, welcomed the decision.</p>
          </article>
          <footer><p>© The Meridian Tribune. All rights reserved.</p></footer>
        </body>
        </html>
        """;

    private static ExtractedPage Extract(string html, Uri? url = null) => new HtmlArticleExtractor().Extract(html, url ?? PageUrl);

    [Fact]
    public void Extract_NewsPage_ReturnsMainTextAsParagraphs()
    {
        var page = Extract(ArticlePage);

        Assert.StartsWith("The harbour authority on Tuesday approved", page.Text, StringComparison.Ordinal);
        Assert.Contains("along the coast.\n\nThe authority said", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("tracker", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Menu paragraph", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("All rights reserved", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_NewsPage_ReadsMetadata()
    {
        var page = Extract(ArticlePage);

        Assert.Equal("Harbour tolls to rise by twelve percent", page.Title);
        Assert.Equal(new Uri("https://www.meridian-tribune.example/2025/08/09/harbour-tolls"), page.Canonical);
        Assert.Equal("Rosa Delgado", page.Author);
        Assert.Equal(new DateTimeOffset(2025, 8, 9, 6, 30, 0, TimeSpan.Zero), page.Published);
        Assert.Equal("en-GB", page.Language);
    }

    [Fact]
    public void Extract_JsonLdAndOgUrl_UsedWhenMetaTagsAreMissing()
    {
        var page = Extract("""
            <html><head>
              <meta property="og:url" content="/stories/mill-reopens">
              <meta property="article:author" content="https://social.example/profiles/ivo">
              <script type="application/ld+json">
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "WebSite", "name": "Copperfield Daily"},
                  {"@type": "NewsArticle", "headline": "Mill reopens", "datePublished": "2025-08-09T09:30:00Z",
                   "author": [{"@type": "Person", "name": "Ivo Hart"}]}]}
              </script>
            </head><body><p>Short.</p></body></html>
            """, new Uri("https://copperfield-daily.example/x"));

        Assert.Equal(new Uri("https://copperfield-daily.example/stories/mill-reopens"), page.Canonical);
        Assert.Equal("Ivo Hart", page.Author);
        Assert.Equal(new DateTimeOffset(2025, 8, 9, 9, 30, 0, TimeSpan.Zero), page.Published);
    }

    [Fact]
    public void Extract_PageSmartReaderFindsTooShort_FallsBackToParagraphs()
    {
        var page = Extract("""
            <html><body>
              <div><p>First short line.</p></div>
              <div><p>Second short line.</p></div>
            </body></html>
            """);

        Assert.Equal("First short line.\n\nSecond short line.", page.Text);
        Assert.Null(page.Canonical);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\u0000\u0001\u0002 not html at all <<<>>>")]
    [InlineData("<html><body><div><div><div></span></table>")]
    public void Extract_Garbage_ReturnsEmptyTextWithoutThrowing(string html)
    {
        var page = Extract(html);

        Assert.NotNull(page);
        Assert.DoesNotContain("<", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_EmptyDocument_ReturnsEmptyTitleAndText()
    {
        var page = Extract("<html></html>");

        Assert.Equal("", page.Text);
        Assert.Equal("", page.Title);
    }
}
