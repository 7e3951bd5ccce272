using Alerts.Analysis;
using Microsoft.Extensions.Options;

namespace Alerts.Novelty;

public sealed record NewStatement(Statement Statement, NoveltyDecision Decision);

/// <summary>Decides which on-topic statements of an analysis are new; NotifySubscribers and replay share it.</summary>
public sealed class NoveltyCheck(IStatementIndex index, IOptions<AnalysisOptions> analysisOptions)
{
    public async Task<IReadOnlyList<NewStatement>> FindNewAsync(
        ArticleAnalysis analysis, string analysisName, CancellationToken cancellationToken)
    {
        var threshold = analysisOptions.Value.Threshold;
        var found = new List<NewStatement>();
        foreach (var statement in analysis.Statements)
        {
            if (!statement.IsOnTopic(threshold) || statement.Kind == StatementKind.Report)
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
            };
            var decision = await index.ClaimAsync(sighting, cancellationToken);
            if (decision.IsNew)
            {
                found.Add(new NewStatement(statement, decision));
            }
        }

        return found;
    }
}
