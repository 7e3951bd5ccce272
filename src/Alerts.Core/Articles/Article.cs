namespace Alerts.Articles;

/// <summary>One news article as stored in the <c>articles</c> container (schema version 1).</summary>
public sealed record Article
{
    public const int CurrentSchemaVersion = 1;
    // A feed decides how long its bylines and headlines are: bounded here, they cannot swell every alert and email.
    public const int MaxAuthorChars = 200;
    public const int MaxTitleChars = 500;

    public required string Id { get; init; }
    public required string Url { get; init; }
    public required string CanonicalUrl { get; init; }
    /// <summary>The configured source name (or the outlet, for replayed files).</summary>
    public required string Source { get; init; }
    public required string Title { get; init; }
    public string? Author { get; init; }
    public DateTimeOffset? Published { get; init; }
    public required DateTimeOffset Fetched { get; init; }
    public string? Language { get; init; }
    public required string Text { get; init; }
    public string? Summary { get; init; }
    public required string ContentHash { get; init; }
    /// <summary>Why the full text could not be had, when <see cref="Text"/> is only the feed's summary.</summary>
    public string? TextNote { get; init; }
    /// <summary>Other URLs the same story was found under later (syndicated copies, other feeds), oldest first.</summary>
    public IReadOnlyList<string>? AlternateUrls { get; init; }
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The text cut to at most <paramref name="max"/> characters, at a word end where there is one, with "…".</summary>
    public static string? Bounded(string? text, int max)
    {
        if (text is null || text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        return string.Concat(text.AsSpan(0, cut > max / 2 ? cut : max - 1).TrimEnd(), "…");
    }
}
