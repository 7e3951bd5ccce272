using System.Collections.Concurrent;

namespace Alerts.Novelty;

/// <summary>The statement index of one process: replay and tests.</summary>
public sealed class InMemoryStatementIndex : IStatementIndex
{
    private readonly ConcurrentDictionary<string, KnownStatement> statements = new();

    public Task<NoveltyDecision> ClaimAsync(StatementSighting sighting, CancellationToken cancellationToken)
    {
        var isNew = false;
        var known = statements.AddOrUpdate(
            sighting.Key,
            _ =>
            {
                isNew = true;
                return KnownStatement.From(sighting);
            },
            (_, existing) => existing.WithReport(sighting.Report));
        isNew |= known.FirstAnalysis == sighting.AnalysisName;
        return Task.FromResult(new NoveltyDecision(isNew, known, isNew ? [] : [known.Key]));
    }
}
