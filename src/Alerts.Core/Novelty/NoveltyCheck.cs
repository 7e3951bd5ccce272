using Alerts.Analysis;

namespace Alerts.Novelty;

public sealed record NewStatement(Statement Statement, NoveltyDecision Decision)
{
    /// <summary>The language of the article the statement was found in, for the alert.</summary>
    public string? Language { get; init; }
}

/// <summary>Decides which on-topic statements of an analysis are new; NotifySubscribers and replay share it.</summary>
public sealed class NoveltyCheck(IStatementIndex index, OnTopicRule onTopic)
{
    public async Task<IReadOnlyList<NewStatement>> FindNewAsync(
        ArticleAnalysis analysis, string analysisName, CancellationToken cancellationToken)
        => [.. (await DecideAsync(analysis, analysisName, cancellationToken)).Where(d => d.Decision.IsNew)];

    /// <summary>Every on-topic statement with its decision, repeats included: what replay's --explain shows.</summary>
    public async Task<IReadOnlyList<NewStatement>> DecideAsync(
        ArticleAnalysis analysis, string analysisName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var found = new List<NewStatement>();
        foreach (var statement in analysis.Statements)
        {
            if (!onTopic.IsOnTopic(statement) || statement.Kind == StatementKind.Report)
            {
                continue;
            }

            var sighting = new StatementSighting(
                StatementKeys.Of(statement.Speaker, statement.Text),
                statement.Speaker,
                statement.Text,
                statement.Kind,
                analysisName,
                new StatementReport(
                    analysis.Source, analysis.ArticleUrl, analysis.Title, analysis.Published ?? analysis.Analyzed, statement.Text))
            {
                StatementId = statement.Id,
                Wordings = statement.Wordings,
            };
            found.Add(new NewStatement(statement, await index.ClaimAsync(sighting, cancellationToken)) { Language = analysis.Language });
        }

        return found;
    }
}
