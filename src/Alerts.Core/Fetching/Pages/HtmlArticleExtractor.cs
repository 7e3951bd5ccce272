using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace Alerts.Fetching;

/// <summary>
/// The article in a news page: main text from SmartReader (Mozilla Readability), metadata from the page's own tags
/// (canonical link, Open Graph, article:*, JSON-LD). Garbage in gives empty text out, never an exception.
/// </summary>
public sealed class HtmlArticleExtractor
{
    // Less than this from SmartReader means it picked a caption or a teaser; the page's paragraphs do better.
    private const int MinReadableCharacters = 140;

    private static readonly string[] ArticleTypes = ["NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "WebPage"];

    [SuppressMessage("Performance", "CA1822", Justification = "An instance service, injected into the fetch stage like its siblings.")]
    public ExtractedPage Extract(string html, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(pageUrl);

        var document = new HtmlParser().ParseDocument(html);
        var linkedData = LinkedData(document);
        var canonical = AbsoluteHttp(document.QuerySelector("link[rel~='canonical' i][href]")?.GetAttribute("href"), pageUrl)
            ?? AbsoluteHttp(Meta(document, "og:url"), pageUrl);
        var metaTitle = Meta(document, "og:title") ?? linkedData?.Headline ?? document.Title;
        var author = Meta(document, "author") ?? NotAUrl(Meta(document, "article:author")) ?? linkedData?.Author;
        var published = FeedDate.Parse(Meta(document, "article:published_time"))
            ?? FeedDate.Parse(document.QuerySelector("[itemprop='datePublished']")?.GetAttribute("content")
                ?? document.QuerySelector("[itemprop='datePublished']")?.GetAttribute("datetime"))
            ?? FeedDate.Parse(linkedData?.DatePublished);
        var language = Clean(document.DocumentElement.GetAttribute("lang"))
            ?? Clean(document.QuerySelector("meta[http-equiv='content-language' i]")?.GetAttribute("content"));
        var paragraphs = ParagraphText(document);

        // SmartReader rewrites the document it is given, so it runs after everything above has been read.
        var article = ReadArticle(pageUrl, document);
        var text = article?.Content is { Length: > 0 } content ? HtmlText.ToText(content) : "";
        if (text.Length < MinReadableCharacters && paragraphs.Length > text.Length)
        {
            text = paragraphs;
        }

        return new ExtractedPage(
            Title: HtmlText.ToLine(Clean(article?.Title) ?? metaTitle),
            Text: text,
            Canonical: canonical,
            Author: Clean(author) ?? Clean(article?.Author),
            Published: published ?? (article?.PublicationDate is { } date ? new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc)) : null),
            Language: language ?? Clean(article?.Language));
    }

    private static Article? ReadArticle(Uri pageUrl, IHtmlDocument document)
    {
        try
        {
            var article = new Reader(pageUrl.AbsoluteUri, document).GetArticle();
            return article.IsReadable ? article : null;
        }
#pragma warning disable CA1031 // SmartReader can fail in its own ways on hostile markup; the <p> fallback covers it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static string ParagraphText(IHtmlDocument document)
    {
        var paragraphs = document.QuerySelectorAll("p")
            .Where(p => p.Closest("nav, header, footer, aside, form, script, style, noscript") is null)
            .Select(HtmlText.ToText)
            .Where(text => text.Length > 0);
        return string.Join("\n\n", paragraphs);
    }

    private static string? Meta(IHtmlDocument document, string name)
    {
        foreach (var meta in document.QuerySelectorAll("meta[content]"))
        {
            if (string.Equals(meta.GetAttribute("property"), name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(meta.GetAttribute("name"), name, StringComparison.OrdinalIgnoreCase))
            {
                return Clean(meta.GetAttribute("content"));
            }
        }
        return null;
    }

    private static Uri? AbsoluteHttp(string? href, Uri pageUrl) => FeedItemDraft.ResolveHttp(href, pageUrl);

    private static string? NotAUrl(string? text) =>
        text is not null && Uri.TryCreate(text, UriKind.Absolute, out _) ? null : text;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private sealed record ArticleData(string? Headline, string? Author, string? DatePublished);

    private static ArticleData? LinkedData(IHtmlDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json' i]"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (FindArticle(json.RootElement, depth: 0) is { } found)
                {
                    return found;
                }
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the meta tags still count.
            }
        }
        return null;
    }

    private static ArticleData? FindArticle(JsonElement element, int depth)
    {
        if (depth > 4)
        {
            return null;
        }
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var child in element.EnumerateArray())
                {
                    if (FindArticle(child, depth + 1) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            case JsonValueKind.Object when element.TryGetProperty("@graph", out var graph):
                return FindArticle(graph, depth + 1);
            case JsonValueKind.Object when IsArticleType(element):
                return new ArticleData(String(element, "headline"), AuthorName(element), String(element, "datePublished"));
            default:
                return null;
        }
    }

    private static bool IsArticleType(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type))
        {
            return false;
        }
        return type.ValueKind switch
        {
            JsonValueKind.String => ArticleTypes.Contains(type.GetString()),
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString())),
            _ => false,
        };
    }

    private static string? AuthorName(JsonElement article)
    {
        if (!article.TryGetProperty("author", out var author))
        {
            return null;
        }
        var names = (author.ValueKind == JsonValueKind.Array ? author.EnumerateArray().ToList() : [author])
            .Select(a => a.ValueKind switch
            {
                JsonValueKind.String => a.GetString(),
                JsonValueKind.Object => String(a, "name"),
                _ => null,
            })
            .OfType<string>()
            .Where(name => !string.IsNullOrWhiteSpace(name))
            .ToList();
        return names.Count > 0 ? string.Join(", ", names) : null;
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
