namespace Alerts.Fetching;

/// <param name="Warnings">Things that were skipped or guessed: items without a link, unreadable dates, repairs.</param>
public sealed record FeedParseResult(FeedFormat Format, string? Title, IReadOnlyList<FeedItem> Items, IReadOnlyList<string> Warnings)
{
    /// <summary>The charset used because the bytes were not the UTF-8 they were declared as; null when none was needed.</summary>
    public string? RepairedCharset { get; init; }
}
