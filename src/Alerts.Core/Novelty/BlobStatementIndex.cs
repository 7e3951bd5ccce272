using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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
/// statement is committed by replacing each of its speaker's bucket documents under the ETag it was matched against,
/// in one order, so two instances racing on one statement, in whatever wording and under whatever name forms that
/// share a bucket, serialise on the first bucket they share: the loser takes back what it filed, re-reads, finds the
/// winner's statement and attaches its report. A lookup costs a constant number of storage calls, whatever the
/// size of the index: one speaker document per bucket of the name read, one record read or created, and for a new
/// statement one document written per bucket.
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
        var buckets = probe.Identity.Buckets.DistinctBy(b => b.Name).ToList();
        for (var attempt = 0; attempt < MaxCommitAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var reads = new List<BucketRead>(buckets.Count);
            IndexMatch? match = null;
            foreach (var bucket in buckets)
            {
                if (match?.Match is not null)
                {
                    break;
                }

                var stored = await store.ReadAsync<SpeakerDocument>(PipelineNames.StatementsContainer, SpeakerBlob(bucket.Name), cancellationToken);
                var read = new BucketRead(bucket, stored, new SpeakerIndex(options.Value, stored?.Document.Statements));
                reads.Add(read);
                var found = read.Index.Match(probe, now);
                match = match is null ? found : found with
                {
                    Comparisons = [.. match.Comparisons, .. found.Comparisons],
                    Candidates = match.Candidates + found.Candidates,
                };
            }

            var keys = match!.Comparisons.Select(c => c.Key).ToList();
            if (match.Match is { } known)
            {
                var primary = reads[0];
                KnownStatement record;
                if (match.IsRetry)
                {
                    record = await RecordOfRetryAsync(known, sighting, cancellationToken);
                    // The first try may have stopped before filing the statement under every bucket of the name.
                    foreach (var bucket in buckets.Where(b => b.Name != known.Bucket))
                    {
                        await AddToBucketAsync(probe.ToIndexed(known.Claimed, bucket), now, cancellationToken);
                    }
                }
                else
                {
                    record = await AttachReportAsync(known, sighting.Report, cancellationToken);
                    if (primary.Stored is not null && known.Bucket == primary.Bucket.Name
                        && primary.Index.Enrich(known, probe.AllClaims) is not null)
                    {
                        // Later wordings are matched against this one too. Best effort: losing it to a concurrent
                        // writer costs recall on a later wording, never a duplicate alert.
                        await store.TryReplaceAsync(PipelineNames.StatementsContainer, SpeakerBlob(primary.Bucket.Name),
                            new SpeakerDocument(primary.Bucket.Name, primary.Index.Statements), primary.Stored.ETag, cancellationToken);
                    }
                }

                Log.Known(logger, sighting.Key, known.Key, match.Comparisons.Count > 0 ? match.Comparisons[0].Score : 1);
                return new NoveltyDecision(match.IsRetry, record, match.IsRetry ? [] : keys) { Comparisons = match.Comparisons, Candidates = match.Candidates };
            }

            var indexed = probe.ToIndexed(now);
            if (!await FileUnderEveryBucketAsync(probe, reads, now, cancellationToken))
            {
                // Another instance changed one of this speaker's buckets since we read it: match again.
                Log.CommitConflict(logger, sighting.Key, attempt + 1);
                continue;
            }

            // The speaker's documents decided; this record only follows them (a repeat after the window replaces the old one).
            var created = indexed.ToKnown(sighting.Report);
            await store.UpsertAsync(PipelineNames.StatementsContainer, RecordBlob(indexed.Key), created, cancellationToken);
            Log.New(logger, sighting.Key, match.Comparisons.Count);
            return new NoveltyDecision(true, created, keys) { Comparisons = match.Comparisons, Candidates = match.Candidates };
        }

        throw new InvalidOperationException(
            $"Could not commit a statement of {probe.Identity.Primary.Name} after {MaxCommitAttempts} attempts; the claim will be retried.");
    }

    public async Task<KnownStatement?> FindAsync(string key, CancellationToken cancellationToken)
        => (await store.ReadAsync<KnownStatement>(PipelineNames.StatementsContainer, RecordBlob(key), cancellationToken))?.Document;

    /// <summary>
    /// Commits a new statement under every bucket of its speaker's name, each under the ETag it was matched against,
    /// in one order for every instance. Two name forms of one person ("Ana Lucía Ortiz", "Ana Ortiz") share a
    /// bucket, and the first shared one in that order admits one of two racing claims: the other stops there, takes
    /// back what it filed before it and matches again, now finding the winner's statement.
    /// </summary>
    private async Task<bool> FileUnderEveryBucketAsync(StatementProbe probe, List<BucketRead> reads, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = probe.Sighting.Key;
        var filed = new List<string>(reads.Count);
        foreach (var read in reads.OrderBy(r => r.Bucket.Name, StringComparer.Ordinal))
        {
            var name = SpeakerBlob(read.Bucket.Name);
            var document = Bounded(read.Bucket.Name, read.Index.Live(now).Where(s => s.Key != key), probe.ToIndexed(now, read.Bucket));
            var written = read.Stored is null
                ? await store.TryCreateAsync(PipelineNames.StatementsContainer, name, document, cancellationToken)
                : await store.TryReplaceAsync(PipelineNames.StatementsContainer, name, document, read.Stored.ETag, cancellationToken);
            if (!written)
            {
                // Left behind, a provisional copy would make this analysis's next try look like a retry of a claim
                // that never alerted. Should this instance stop before removing it, that try alerts once more.
                foreach (var bucket in filed)
                {
                    await RemoveFromBucketAsync(bucket, key, now, cancellationToken);
                }

                return false;
            }

            filed.Add(read.Bucket.Name);
        }

        return true;
    }

    private async Task RemoveFromBucketAsync(string bucket, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var name = SpeakerBlob(bucket);
        for (var attempt = 0; attempt < MaxReportAttempts; attempt++)
        {
            var stored = await store.ReadAsync<SpeakerDocument>(PipelineNames.StatementsContainer, name, cancellationToken);
            if (stored is null || stored.Document.Statements.All(s => s.Key != key))
            {
                return;
            }

            var document = new SpeakerDocument(bucket, [.. stored.Document.Statements.Where(s => s.Key != key)]);
            if (await store.TryReplaceAsync(PipelineNames.StatementsContainer, name, document, stored.ETag, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>The bucket's document with <paramref name="added"/> last and as many of the newest older statements as fit
    /// both Novelty:MaxStatementsPerSpeaker and Novelty:MaxSpeakerDocumentBytes.</summary>
    private SpeakerDocument Bounded(string bucket, IEnumerable<IndexedStatement> older, IndexedStatement added)
    {
        var settings = options.Value;
        var candidates = older.ToList();
        // The document's own framing (bucket name, brackets, commas) is small; half a kilobyte covers it.
        var budget = settings.MaxSpeakerDocumentBytes - 512 - Size(added);
        var kept = new List<IndexedStatement>();
        for (var i = candidates.Count - 1; i >= 0 && kept.Count < settings.MaxStatementsPerSpeaker - 1; i--)
        {
            budget -= Size(candidates[i]) + 1;
            if (budget < 0)
            {
                Log.SpeakerDocumentTrimmed(logger, bucket, i + 1, settings.MaxSpeakerDocumentBytes);
                break;
            }

            kept.Add(candidates[i]);
        }

        kept.Reverse();
        kept.Add(added);
        return new SpeakerDocument(bucket, kept);
    }

    private static int Size(IndexedStatement statement) => JsonSerializer.SerializeToUtf8Bytes(statement, AlertsJson.Options).Length;

    /// <summary>One bucket of the speaker's name as read for matching: the stored document (with its ETag) and its index.</summary>
    private sealed record BucketRead(SpeakerBucket Bucket, StoredDocument<SpeakerDocument>? Stored, SpeakerIndex Index);

    /// <summary>Files a retried statement under a bucket its first try may not have reached, so that another name
    /// form finds it. Best effort: losing this costs a duplicate only for a differently named speaker.</summary>
    private async Task AddToBucketAsync(IndexedStatement indexed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var name = SpeakerBlob(indexed.Bucket);
        for (var attempt = 0; attempt < MaxReportAttempts; attempt++)
        {
            var stored = await store.ReadAsync<SpeakerDocument>(PipelineNames.StatementsContainer, name, cancellationToken);
            if (stored is not null && stored.Document.Statements.Any(s => s.Key == indexed.Key))
            {
                return;
            }

            var live = new SpeakerIndex(options.Value, stored?.Document.Statements).Live(now);
            var document = Bounded(indexed.Bucket, live.Where(s => s.Key != indexed.Key), indexed);
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
