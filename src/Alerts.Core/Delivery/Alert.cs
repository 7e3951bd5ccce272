using Alerts.Analysis;
using Alerts.Novelty;

namespace Alerts.Delivery;

public sealed record AlertSource(string Outlet, string Title, string Url);

/// <summary>One new statement, ready to be sent to any subscriber.</summary>
public sealed record Alert(
    string Key,
    Speaker Speaker,
    string Text,
    StatementKind Kind,
    double Relevance,
    double Sentiment,
    IReadOnlyList<AlertSource> Sources,
    DateTimeOffset FirstSeen,
    IReadOnlyList<string> Cues)
{
    /// <summary>How the article summed the quote up before giving it, when it did: shown under the quote, whose
    /// original words stay the alert's text.</summary>
    public string? Summary { get; init; }

    /// <summary>One sentence of the article around the statement: what it answers or reacts to.</summary>
    public string? Context { get; init; }

    /// <summary>The article's language (en, es-MX), as its feed or page declared it; the statement is in it.</summary>
    public string? Language { get; init; }

    /// <summary>The speaker's earlier statement this one echoes most, when the novelty check found its claims said
    /// before on other occasions (a talking point said together anew); null for a statement new in substance.</summary>
    public string? Echoes { get; init; }

    /// <summary>Why this subscriber got it: the filters that matched, in words. Set per subscriber when the delivery or
    /// digest entry is written.</summary>
    public IReadOnlyList<string> Matched { get; init; } = [];

    /// <summary>The alert with every report its statement has had since: a digest sent later names them all.</summary>
    public Alert WithReportsOf(KnownStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var sources = statement.Reports.DistinctBy(r => r.Url, StringComparer.Ordinal).Select(r => new AlertSource(r.Source, r.Title, r.Url)).ToList();
        return sources.Count > Sources.Count ? this with { Sources = sources } : this;
    }

    public static Alert From(NewStatement found) => new(
        found.Decision.Statement.Key,
        found.Statement.Speaker,
        found.Statement.Text,
        found.Statement.Kind,
        Math.Round(found.Statement.Relevance, 3),
        Math.Round(found.Statement.Sentiment, 3),
        [.. found.Decision.Statement.Reports.Select(r => new AlertSource(r.Source, r.Title, r.Url))],
        found.Decision.Statement.FirstSeen,
        found.Statement.Cues)
    {
        Summary = found.Statement.Wordings.Count > 0 ? found.Statement.Wordings[0] : null,
        Context = found.Statement.Context,
        Language = found.Language,
        Echoes = found.Decision.Comparisons.FirstOrDefault(c => c.Score >= EchoScore && c.Key != found.Decision.Statement.Key)?.Text,
    };

    /// <summary>A known statement of the speaker covering at least this share of the new one's claims makes it a repeated
    /// talking point in the alert's words (it was still new: its claims were covered only on different occasions).</summary>
    public const double EchoScore = 0.5;
}
