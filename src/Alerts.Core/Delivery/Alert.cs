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
    };
}
