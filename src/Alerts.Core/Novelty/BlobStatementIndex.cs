using System.Security.Cryptography;
using System.Text;
using Alerts.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alerts.Novelty;

/// <summary>A speaker bucket's known statements within the window, as stored under <c>statements/speakers/</c>.</summary>
public sealed record SpeakerDocument(string Bucket, IReadOnlyList<IndexedStatement> Statements);

/// <summary>
/// The statement index in blob storage, shared by every instance: one document per speaker bucket (its statements'
/// claims, from which MinHash bands are drawn) and one record per known statement with every report of it. A new
/// statement is committed by replacing its speaker's document under the ETag it was matched against, so two
/// instances racing on one statement, in whatever wording, serialise on that document: the loser re-reads, finds the
/// winner's statement and attaches its report. A lookup costs a constant number of storage calls, whatever the
/// size of the index: one speaker document per bucket of the name read, one record read or created, one document
/// written, and the new statement filed (best effort) under the name's other buckets.
/// </summary>
public sealed class BlobStatementIndex(
    BlobDocumentStore store, IOptions<NoveltyOptions> options, TimeProvider time, ILogger<BlobStatementIndex> logger) : IStatementIndex
{
    private const int MaxCommitAttempts = 20;
    private const int MaxReportAttempts = 5;

    public BlobStatementIndex(BlobDocumentStore store)
        : this(store, Options.Create(new NoveltyOptions()), TimeProvider.System, NullLogger<BlobStatementIndex>.Instance)
    {
    }

    public async Task<NoveltyDecision> ClaimAsync(StatementSighting sighting, CancellationToken cancellationToken)
    {
        var probe = StatementProbe.Of(sighting);
        var primaryName = SpeakerBlob(probe.Identity.Primary.Name);
        for (var attempt = 0; attempt < MaxCommitAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var primary = await store.ReadAsync<SpeakerDocument>(PipelineNames.StatementsContainer, primaryName, cancellationToken);
            var index = new SpeakerIndex(options.Value, primary?.Document.Statements);
            var match = index.Match(probe, now);
            foreach (var bucket in probe.Identity.Buckets.Skip(1))
            {
                if (match.Match is not null)
                {
                    break;
                }

                var other = await store.ReadAsync<SpeakerDocument>(PipelineNames.StatementsContainer, SpeakerBlob(bucket.Name), cancellationToken);
                var alternative = new SpeakerIndex(options.Value, other?.Document.Statements).Match(probe, now);
                match = alternative with
                {
                    Comparisons = [.. match.Comparisons, .. alternative.Comparisons],
                    Candidates = match.Candidates + alternative.Candidates,
                };
            }

            var keys = match.Comparisons.Select(c => c.Key).ToList();
            if (match.Match is { } known)
            {
                KnownStatement record;
                if (match.IsRetry)
                {
                    record = await RecordOfRetryAsync(known, sighting, cancellationToken);
                }
                else
                {
                    record = await AttachReportAsync(known, sighting.Report, cancellationToken);
                    if (primary is not null && known.Bucket == probe.Identity.Primary.Name
                        && index.Enrich(known, probe.AllClaims) is not null)
                    {
                        // Later wordings are matched against this one too. Best effort: losing it to a concurrent
                        // writer costs recall on a later wording, never a duplicate alert.
                        await store.TryReplaceAsync(PipelineNames.StatementsContainer, primaryName,
                            new SpeakerDocument(probe.Identity.Primary.Name, index.Statements), primary.ETag, cancellationToken);
                    }
                }

                Log.Known(logger, sighting.Key, known.Key, match.Comparisons.Count > 0 ? match.Comparisons[0].Score : 1);
                return new NoveltyDecision(match.IsRetry, record, match.IsRetry ? [] : keys) { Comparisons = match.Comparisons, Candidates = match.Candidates };
            }

            var indexed = probe.ToIndexed(now);
            var document = new SpeakerDocument(probe.Identity.Primary.Name, [.. index.Live(now).TakeLast(options.Value.MaxStatementsPerSpeaker - 1), indexed]);
            var committed = primary is null
                ? await store.TryCreateAsync(PipelineNames.StatementsContainer, primaryName, document, cancellationToken)
                : await store.TryReplaceAsync(PipelineNames.StatementsContainer, primaryName, document, primary.ETag, cancellationToken);
            if (!committed)
            {
                // Another instance changed this speaker's statements since we read them: match again.
                Log.CommitConflict(logger, sighting.Key, attempt + 1);
                continue;
            }

            // The speaker document decided; this record only follows it (a repeat after the window replaces the old one).
            var created = indexed.ToKnown(sighting.Report);
            await store.UpsertAsync(PipelineNames.StatementsContainer, RecordBlob(indexed.Key), created, cancellationToken);
            foreach (var bucket in probe.Identity.Buckets.Skip(1).DistinctBy(b => b.Name))
            {
                await AddToBucketAsync(probe.ToIndexed(now, bucket), now, cancellationToken);
            }

            Log.New(logger, sighting.Key, match.Comparisons.Count);
            return new NoveltyDecision(true, created, keys) { Comparisons = match.Comparisons, Candidates = match.Candidates };
        }

        throw new InvalidOperationException(
            $"Could not commit a statement of {probe.Identity.Primary.Name} after {MaxCommitAttempts} attempts; the claim will be retried.");
    }

    /// <summary>Files a new statement under another of its speaker's buckets, so that another name form finds it.
    /// Best effort: the primary bucket decided; losing this costs a duplicate only for a differently named speaker.</summary>
    private async Task AddToBucketAsync(IndexedStatement indexed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var name = SpeakerBlob(indexed.Bucket);
        for (var attempt = 0; attempt < MaxReportAttempts; attempt++)
        {
            var stored = await store.ReadAsync<SpeakerDocument>(PipelineNames.StatementsContainer, name, cancellationToken);
            var live = new SpeakerIndex(options.Value, stored?.Document.Statements).Live(now);
            var document = new SpeakerDocument(indexed.Bucket, [.. live.Where(s => s.Key != indexed.Key).TakeLast(options.Value.MaxStatementsPerSpeaker - 1), indexed]);
            var written = stored is null
                ? await store.TryCreateAsync(PipelineNames.StatementsContainer, name, document, cancellationToken)
                : await store.TryReplaceAsync(PipelineNames.StatementsContainer, name, document, stored.ETag, cancellationToken);
            if (written)
            {
                return;
            }
        }
    }

    /// <summary>The record of a statement this analysis claimed before; written now if that write was lost.</summary>
    private async Task<KnownStatement> RecordOfRetryAsync(IndexedStatement known, StatementSighting sighting, CancellationToken cancellationToken)
    {
        var stored = await store.ReadAsync<KnownStatement>(PipelineNames.StatementsContainer, RecordBlob(known.Key), cancellationToken);
        if (stored is not null && stored.Document.FirstAnalysis == known.FirstAnalysis && stored.Document.FirstSeen == known.FirstSeen)
        {
            return stored.Document;
        }

        var record = known.ToKnown(sighting.Report);
        await store.UpsertAsync(PipelineNames.StatementsContainer, RecordBlob(known.Key), record, cancellationToken);
        return record;
    }

    private async Task<KnownStatement> AttachReportAsync(IndexedStatement known, StatementReport report, CancellationToken cancellationToken)
    {
        var name = RecordBlob(known.Key);
        for (var attempt = 0; attempt < MaxReportAttempts; attempt++)
        {
            var stored = await store.ReadAsync<KnownStatement>(PipelineNames.StatementsContainer, name, cancellationToken);
            if (stored is null)
            {
                // The claimer stopped between committing the speaker document and writing the record.
                var rebuilt = known.ToKnown(report);
                if (await store.TryCreateAsync(PipelineNames.StatementsContainer, name, rebuilt, cancellationToken))
                {
                    return rebuilt;
                }

                continue;
            }

            var updated = stored.Document.WithReport(report);
            if (ReferenceEquals(updated, stored.Document)
                || await store.TryReplaceAsync(PipelineNames.StatementsContainer, name, updated, stored.ETag, cancellationToken))
            {
                return updated;
            }
        }

        // Heavy contention on one statement: it is known either way; losing one report line is acceptable.
        var last = await store.ReadAsync<KnownStatement>(PipelineNames.StatementsContainer, name, cancellationToken);
        return last?.Document ?? known.ToKnown(report);
    }

    private static string RecordBlob(string key) => key + ".json";

    /// <summary>Bucket names hold any letters and spaces; blob names get a stable hash of them.</summary>
    public static string SpeakerBlob(string bucket)
        => "speakers/" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(bucket)))[..32] + ".json";
}
