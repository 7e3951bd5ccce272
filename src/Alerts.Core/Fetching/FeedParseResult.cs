namespace Alerts.Fetching;

/// <param name="Warnings">Things that were skipped or guessed: items without a link, unreadable dates, repairs.</param>
public sealed record FeedParseResult(FeedFormat Format, string? Title, IReadOnlyList<FeedItem> Items, IReadOnlyList<string> Warnings);
