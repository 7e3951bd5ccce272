using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Alerts.Novelty;

/// <summary>The statement index of one process: replay, tests and benchmarks. Claims are serialised per speaker
/// bucket, so of two concurrent claims of one statement exactly one is new.</summary>
public sealed class InMemoryStatementIndex(IOptions<NoveltyOptions> options, TimeProvider time) : IStatementIndex
{
    private readonly ConcurrentDictionary<string, SpeakerIndex> speakers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, KnownStatement> statements = new(StringComparer.Ordinal);

    public InMemoryStatementIndex()
        : this(Options.Create(new NoveltyOptions()), TimeProvider.System)
    {
    }

    public int Count => statements.Count;

    public Task<NoveltyDecision> ClaimAsync(StatementSighting sighting, CancellationToken cancellationToken)
        => Task.FromResult(Claim(StatementProbe.Of(sighting)));

    public Task<KnownStatement?> FindAsync(string key, CancellationToken cancellationToken)
        => Task.FromResult(statements.TryGetValue(key, out var known) ? known : null);

    /// <summary>The claim, synchronously: benchmarks time it without the task machinery.</summary>
    public NoveltyDecision Claim(StatementProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var now = time.GetUtcNow();
        // Every bucket of the speaker, locked in one order so that two name forms sharing buckets cannot deadlock.
        var buckets = probe.Identity.Buckets.Select(b => (Bucket: b, Index: Speaker(b.Name)))
            .DistinctBy(b => b.Bucket.Name).OrderBy(b => b.Bucket.Name, StringComparer.Ordinal).ToList();
        var locked = 0;
        try
        {
            foreach (var (_, index) in buckets)
            {
                Monitor.Enter(index);
                locked++;
            }

            return Claim(probe, buckets, now);
        }
        finally
        {
            for (var i = locked - 1; i >= 0; i--)
            {
                Monitor.Exit(buckets[i].Index);
            }
        }
    }

    private NoveltyDecision Claim(StatementProbe probe, List<(SpeakerBucket Bucket, SpeakerIndex Index)> buckets, DateTimeOffset now)
    {
        var match = Match(probe, buckets, now);
        if (match.Match is { } known && !match.IsRetry)
        {
            foreach (var (_, index) in buckets)
            {
                index.Enrich(known, probe.AllClaims);
            }

            var updated = statements.AddOrUpdate(
                known.Key, _ => known.ToKnown(probe.Sighting.Report), (_, existing) => existing.WithReport(probe.Sighting.Report));
            return new NoveltyDecision(false, updated, Keys(match)) { Comparisons = match.Comparisons, Candidates = match.Candidates };
        }

        if (match.IsRetry)
        {
            return new NoveltyDecision(true, statements[match.Match!.Key], []) { Comparisons = match.Comparisons, Candidates = match.Candidates };
        }

        var indexed = probe.ToIndexed(now);
        foreach (var (bucket, index) in buckets)
        {
            index.Add(probe.ToIndexed(now, bucket));
            if (index.Count > options.Value.MaxStatementsPerSpeaker || index.Statements[0].Claimed <= now - options.Value.Window)
            {
                Prune(index, now);
            }
        }

        // A repeat after the window replaces the expired record of the same words.
        var record = statements[indexed.Key] = indexed.ToKnown(probe.Sighting.Report);
        return new NoveltyDecision(true, record, Keys(match)) { Comparisons = match.Comparisons, Candidates = match.Candidates };
    }

    private static IndexMatch Match(StatementProbe probe, List<(SpeakerBucket Bucket, SpeakerIndex Index)> buckets, DateTimeOffset now)
    {
        IndexMatch? match = null;
        foreach (var name in probe.Identity.Buckets.Select(b => b.Name).Distinct())
        {
            var alternative = buckets.First(b => b.Bucket.Name == name).Index.Match(probe, now);
            match = match is null ? alternative : alternative with
            {
                Comparisons = [.. match.Comparisons, .. alternative.Comparisons],
                Candidates = match.Candidates + alternative.Candidates,
            };
            if (match.Match is not null)
            {
                break;
            }
        }

        return match!;
    }

    private SpeakerIndex Speaker(string bucket) => speakers.GetOrAdd(bucket, _ => new SpeakerIndex(options.Value));

    // Rebuilding the postings is linear in the bucket, so it waits until an eighth of the bucket can go.
    private void Prune(SpeakerIndex index, DateTimeOffset now)
    {
        var live = index.Live(now);
        if (index.Count - live.Count < Math.Max(1, index.Count / 8))
        {
            return;
        }

        var kept = live.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        // A statement dropped from this bucket for room may live on in the speaker's other buckets: only expired ones go.
        foreach (var gone in index.Statements.Where(s => !kept.Contains(s.Key) && s.Claimed <= now - options.Value.Window))
        {
            statements.TryRemove(gone.Key, out _);
        }

        index.Replace(live);
    }

    private static IReadOnlyList<string> Keys(IndexMatch match) => [.. match.Comparisons.Select(c => c.Key)];
}
