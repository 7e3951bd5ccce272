#pragma warning disable CA1822 // interim stub
namespace Alerts.Fetching;

// Interim extractor for the skeleton; replaced by the SmartReader-based one from the fetching branch.
public sealed record ExtractedPage(string Title, string Text, Uri? Canonical, string? Author, DateTimeOffset? Published, string? Language);

public sealed class HtmlArticleExtractor
{
    public ExtractedPage Extract(string html, Uri pageUrl)
    {
        var article = SmartReader.Reader.ParseArticle(pageUrl.AbsoluteUri, html);
        return new ExtractedPage(article.Title ?? "", article.TextContent ?? "", null, article.Author, article.PublicationDate, article.Language);
    }
}
