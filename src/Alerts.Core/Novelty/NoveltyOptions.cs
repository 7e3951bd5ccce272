using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Alerts.Novelty;

/// <summary>How statements are matched to known ones: settings <c>Novelty__*</c>.</summary>
public sealed class NoveltyOptions
{
    public const string Section = "Novelty";

    /// <summary>A statement repeated after this long is new again: repeating a position months later is news.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")] public TimeSpan Window { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Weighted share of a claim's concepts a known claim must contain for the claim to count as known.</summary>
    [Range(0.3, 1.0)] public double ClaimMatchThreshold { get; set; } = 0.75;

    /// <summary>A reworded statement folds into a known one only if first reported within this long of it: reports of
    /// one occasion come within days, and the same position on a later occasion is a new statement.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")] public TimeSpan OccasionWindow { get; set; } = TimeSpan.FromDays(5);

    /// <summary>Within one article, share of the shorter statement's concepts two statements of one speaker must
    /// share to be one statement (the lead's summary of a quote given later).</summary>
    [Range(0.3, 1.0)] public double SameArticleThreshold { get; set; } = 0.6;

    /// <summary>Content words a known statement must hold to be found inside a longer one, and that two statements
    /// of one article must share: one shared word is a topic, not a statement.</summary>
    [Range(1, 10)] public int MinContainedConcepts { get; set; } = 2;

    /// <summary>Overlap of the article titles' concepts from which two anonymous sources of one kind may be the same source.</summary>
    [Range(0.0, 1.0)] public double AnonymousContextThreshold { get; set; } = 0.3;

    /// <summary>MinHash bands per claim; with <see cref="LshRows"/> sets which claims are compared at all.</summary>
    [Range(1, 64)] public int LshBands { get; set; } = 8;

    /// <summary>MinHash values per band: more rows, fewer (and closer) candidates.</summary>
    [Range(1, 8)] public int LshRows { get; set; } = 1;

    /// <summary>The speaker's most recent statements, always compared whatever their bands (recent repeats are the common case).</summary>
    [Range(0, 1000)] public int RecentCandidates { get; set; } = 32;

    /// <summary>Most known statements one lookup compares: the bound on lookup cost.</summary>
    [Range(1, 10000)] public int MaxCandidates { get; set; } = 256;

    /// <summary>Most statements kept per speaker within the window; the oldest go first.</summary>
    [Range(10, 1_000_000)] public int MaxStatementsPerSpeaker { get; set; } = 2000;

    /// <summary>Most bytes of one speaker bucket's document (its JSON), rewritten on every new statement of the speaker;
    /// the oldest statements go first. Bounds the storage a lookup reads and a claim writes, whatever the statements hold.</summary>
    [Range(16 * 1024, 64 * 1024 * 1024)] public int MaxSpeakerDocumentBytes { get; set; } = 1024 * 1024;
}

internal sealed class NoveltyOptionsValidator : IValidateOptions<NoveltyOptions>
{
    public ValidateOptionsResult Validate(string? name, NoveltyOptions options)
        => options.RecentCandidates > options.MaxCandidates
            ? ValidateOptionsResult.Fail(
                $"Novelty:RecentCandidates ({options.RecentCandidates}) must not exceed Novelty:MaxCandidates ({options.MaxCandidates}).")
            : ValidateOptionsResult.Success;
}
