namespace Alerts.Fetching;

/// <summary>One entry of a feed, with text already turned from HTML into plain text.</summary>
/// <param name="Id">The feed's own id (guid, atom:id, rdf:about) or, lacking one, the link.</param>
/// <param name="Link">Absolute http(s) link; for Google News a news.google.com redirect URL.</param>
/// <param name="Outlet">The publishing outlet when the feed names one (RSS source, GDELT domain, Atom source).</param>
/// <param name="OutletUrl">The outlet's home page when the feed gives it (RSS source url).</param>
/// <param name="Published">UTC; null when the feed gives no readable date.</param>
public sealed record FeedItem(
    string Id,
    Uri Link,
    string Title,
    string? Summary,
    string? ContentHtml,
    string? ContentText,
    string? Author,
    DateTimeOffset? Published,
    string? Outlet,
    Uri? OutletUrl,
    string? Language);
