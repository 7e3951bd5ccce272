using Alerts.Storage;

namespace Alerts.Novelty;

/// <summary>The statement index in blob storage: one document per known statement, created with If-None-Match so
/// that instances racing on the same new statement agree on one winner.</summary>
public sealed class BlobStatementIndex(BlobDocumentStore store) : IStatementIndex
{
    private const int MaxReportAttempts = 5;

    public async Task<NoveltyDecision> ClaimAsync(StatementSighting sighting, CancellationToken cancellationToken)
    {
        var name = sighting.Key + ".json";
        var claimed = KnownStatement.From(sighting);
        if (await store.TryCreateAsync(PipelineNames.StatementsContainer, name, claimed, cancellationToken))
        {
            return new NoveltyDecision(true, claimed, []);
        }

        for (var attempt = 0; attempt < MaxReportAttempts; attempt++)
        {
            var stored = await store.ReadAsync<KnownStatement>(PipelineNames.StatementsContainer, name, cancellationToken)
                ?? throw new InvalidOperationException($"Statement {name} vanished from the index.");
            var known = stored.Document;
            if (known.FirstAnalysis == sighting.AnalysisName)
            {
                return new NoveltyDecision(true, known, []);
            }

            var updated = known.WithReport(sighting.Report);
            if (ReferenceEquals(updated, known)
                || await store.TryReplaceAsync(PipelineNames.StatementsContainer, name, updated, stored.ETag, cancellationToken))
            {
                return new NoveltyDecision(false, updated, [known.Key]);
            }
        }

        // Heavy contention on one statement: it is known either way; losing one report line is acceptable.
        var last = await store.ReadAsync<KnownStatement>(PipelineNames.StatementsContainer, name, cancellationToken);
        return new NoveltyDecision(false, last?.Document ?? claimed, [sighting.Key]);
    }
}
