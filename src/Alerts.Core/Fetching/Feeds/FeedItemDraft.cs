using System.Text.RegularExpressions;

namespace Alerts.Fetching;

/// <summary>An item's raw strings as the feed gave them; <see cref="ToItem"/> does the cleaning all formats share.</summary>
internal sealed partial class FeedItemDraft
{
    public string? Id { get; set; }
    public string? Link { get; set; }
    public Uri? LinkBase { get; set; }
    /// <summary>RSS guid that is a permalink, used when the item has no link.</summary>
    public string? PermalinkGuid { get; set; }
    public string? TitleHtml { get; set; }
    public string? SummaryHtml { get; set; }
    public string? ContentHtml { get; set; }
    /// <summary>Plain-text content when the feed gives no HTML (JSON Feed content_text).</summary>
    public string? ContentText { get; set; }
    public string? Author { get; set; }
    public string? PublishedText { get; set; }
    public DateTimeOffset? Published { get; set; }
    public string? Outlet { get; set; }
    public string? OutletUrl { get; set; }
    public string? Language { get; set; }

    public FeedItem? ToItem(Uri feedUrl, FeedWarnings warnings)
    {
        var baseUri = LinkBase ?? feedUrl;
        var link = ResolveHttp(Link, baseUri) ?? ResolveHttp(PermalinkGuid, baseUri);
        if (link is null)
        {
            warnings.ItemsWithoutLink++;
            return null;
        }

        var outlet = NullIfEmpty(HtmlText.ToLine(Outlet));
        var title = HtmlText.ToLine(TitleHtml);
        // Google News titles read "Headline - Outlet"; the outlet is kept separately.
        if (outlet is not null && title.EndsWith(" - " + outlet, StringComparison.Ordinal))
        {
            title = title[..^(outlet.Length + 3)].TrimEnd();
        }

        var published = Published;
        if (published is null && !string.IsNullOrWhiteSpace(PublishedText))
        {
            published = FeedDate.Parse(PublishedText);
            if (published is null)
            {
                var shown = PublishedText.Trim();
                warnings.Add($"unreadable date \"{(shown.Length > FeedDate.MaxChars ? shown[..FeedDate.MaxChars] + "…" : shown)}\" on {link}");
            }
        }

        var contentHtml = string.IsNullOrWhiteSpace(ContentHtml) ? null : ContentHtml;
        return new FeedItem(
            Id: NullIfEmpty(Id?.Trim()) ?? link.AbsoluteUri,
            Link: link,
            Title: title,
            Summary: NullIfEmpty(HtmlText.ToText(SummaryHtml)),
            ContentHtml: contentHtml,
            ContentText: NullIfEmpty(contentHtml is null ? HtmlText.ToText(ContentText) : HtmlText.ToText(contentHtml)),
            Author: CleanAuthor(Author),
            Published: published,
            Outlet: outlet,
            OutletUrl: ResolveHttp(OutletUrl, baseUri),
            Language: NullIfEmpty(Language?.Trim()));
    }

    internal static Uri? ResolveHttp(string? link, Uri baseUri)
    {
        if (string.IsNullOrWhiteSpace(link) || !Uri.TryCreate(baseUri, link.Trim(), out var uri))
        {
            return null;
        }
        return uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps ? uri : null;
    }

    private static string? CleanAuthor(string? author)
    {
        // Cut before the pattern runs: the stored author is capped anyway (Article.MaxAuthorChars), and a hostile
        // 20,000-character one should cost nothing here.
        var text = HtmlText.ToLine(author is { Length: > MaxAuthorInputChars } ? author[..MaxAuthorInputChars] : author);
        // RSS wants "jo@example.org (Jo Smith)"; the name is the useful part.
        var match = EmailWithName().Match(text);
        return NullIfEmpty(match.Success ? match.Groups[1].Value.Trim() : text);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    internal static Regex AuthorPattern => EmailWithName();

    /// <summary>Enough for "address (name)" with a name at the stored cap and markup around it.</summary>
    internal const int MaxAuthorInputChars = 4 * Articles.Article.MaxAuthorChars;

    // Non-backtracking: "\S+@\S+" over a long run of '@' would otherwise try every split of it (quadratic or worse).
    [GeneratedRegex(@"^\S+@\S+\s*\((.+)\)$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex EmailWithName();
}
