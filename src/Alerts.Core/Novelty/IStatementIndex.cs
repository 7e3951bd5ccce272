using Alerts.Analysis;

namespace Alerts.Novelty;

/// <summary>Where the pipeline remembers every statement it has alerted on, shared by all instances.</summary>
public interface IStatementIndex
{
    /// <summary>Claims the statement for this sighting's analysis if nobody knew it, else records the sighting as a
    /// further report of the known statement. Atomic: of two concurrent claims exactly one is new.</summary>
    Task<NoveltyDecision> ClaimAsync(StatementSighting sighting, CancellationToken cancellationToken);

    /// <summary>A known statement with every report attached so far, or null when the index no longer holds it.</summary>
    Task<KnownStatement?> FindAsync(string key, CancellationToken cancellationToken);
}

/// <summary>One statement as found in one analysed article.</summary>
public sealed record StatementSighting(
    string Key,
    Speaker Speaker,
    string Text,
    StatementKind Kind,
    string AnalysisName,
    StatementReport Report)
{
    /// <summary>The statement's id within its analysis: tells a retried claim from a second wording in one article.</summary>
    public string? StatementId { get; init; }

    /// <summary>The article's other wordings of the statement (the summary that introduced the quote): a later report
    /// matching any of them is a repeat.</summary>
    public IReadOnlyList<string> Wordings { get; init; } = [];
}

/// <summary>Where and when a statement was reported.</summary>
public sealed record StatementReport(string Source, string Url, string Title, DateTimeOffset Seen, string Wording);

/// <param name="IsNew">True for the first claim, and for a retried claim by the same analysis (so a crash between
/// claiming and delivering does not drop the alert).</param>
/// <param name="ComparedWith">Keys of the known statements this one was compared with (for --explain).</param>
public sealed record NoveltyDecision(bool IsNew, KnownStatement Statement, IReadOnlyList<string> ComparedWith)
{
    /// <summary>The known statements compared, best first, with their texts and scores: why it was or was not new.</summary>
    public IReadOnlyList<StatementComparison> Comparisons { get; init; } = [];

    /// <summary>How many known statements were compared: bounded, whatever the size of the index.</summary>
    public int Candidates { get; init; }
}

/// <param name="Score">Weighted share of the new statement's claims the known one covers, 0 to 1.</param>
public sealed record StatementComparison(string Key, string Text, double Score);

/// <summary>A statement the index knows, with every report of it.</summary>
public sealed record KnownStatement
{
    public required string Key { get; init; }
    public required Speaker Speaker { get; init; }
    public required string Text { get; init; }
    public required StatementKind Kind { get; init; }
    public required string FirstAnalysis { get; init; }
    public required DateTimeOffset FirstSeen { get; init; }
    public IReadOnlyList<StatementReport> Reports { get; init; } = [];

    public static KnownStatement From(StatementSighting sighting) => new()
    {
        Key = sighting.Key,
        Speaker = sighting.Speaker,
        Text = sighting.Text,
        Kind = sighting.Kind,
        FirstAnalysis = sighting.AnalysisName,
        FirstSeen = sighting.Report.Seen,
        Reports = [sighting.Report],
    };

    /// <summary>Attaches a further report (another outlet, or another wording in the same article) once.</summary>
    public KnownStatement WithReport(StatementReport report)
        => Reports.Any(r => r.Url == report.Url && r.Wording == report.Wording) ? this : this with { Reports = [.. Reports, report] };
}
