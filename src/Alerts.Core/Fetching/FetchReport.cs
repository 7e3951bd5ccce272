namespace Alerts.Fetching;

/// <param name="Sources">Enabled sources.</param>
/// <param name="FailedSources">Sources that could not be read this run.</param>
/// <param name="Items">Feed items seen.</param>
/// <param name="Stored">New articles stored.</param>
/// <param name="AlreadyStored">Items whose URL was stored before.</param>
public sealed record FetchReport(int Sources, int FailedSources, int Items, int Stored, int AlreadyStored)
{
    /// <summary>Sources that answered 304 Not Modified.</summary>
    public int NotModified { get; init; }
    /// <summary>Sources skipped because their own interval has not passed.</summary>
    public int NotDue { get; init; }
    /// <summary>Items recognised as a story stored under another URL; their URL was added to it.</summary>
    public int Syndicated { get; init; }
    /// <summary>Items not stored for a reason logged with them (no text at all); they are tried again next run.</summary>
    public int ItemsFailed { get; init; }
    public IReadOnlyList<SourceReport> Details { get; init; } = [];
}

public enum SourceStatus
{
    Fetched,
    NotModified,
    NotDue,
    Failed,
}

public sealed record SourceReport(string Source, SourceStatus Status)
{
    public int Items { get; init; }
    public int Stored { get; init; }
    public int AlreadyStored { get; init; }
    public int Syndicated { get; init; }
    public int ItemsFailed { get; init; }
    /// <summary>Failed items a later try may store (page or storage unavailable); while any remain, the feed's
    /// validators are not kept, so the next poll is unconditional and offers them again.</summary>
    public int ItemsToRetry { get; init; }
    public FetchFailure? Failure { get; init; }
    public string? Reason { get; init; }
    /// <summary>What the parser skipped or guessed (items without a link, unreadable dates, repairs).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
