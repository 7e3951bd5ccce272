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

    /// <summary>The claim, synchronously: benchmarks time it without the task machinery.</summary>
    public NoveltyDecision Claim(StatementProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var now = time.GetUtcNow();
        var primary = Speaker(probe.Identity.Primary.Name);
        lock (primary)
        {
            var match = Match(probe, primary, now);
            if (match.Match is { } known && !match.IsRetry)
            {
                if (known.Bucket == probe.Identity.Primary.Name)
                {
                    primary.Enrich(known, probe.Claims);
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
            primary.Add(indexed);
            if (primary.Count > options.Value.MaxStatementsPerSpeaker || primary.Statements[0].Claimed <= now - options.Value.Window)
            {
                Prune(primary, now);
            }

            // A repeat after the window replaces the expired record of the same words.
            var record = statements[indexed.Key] = indexed.ToKnown(probe.Sighting.Report);
            return new NoveltyDecision(true, record, Keys(match)) { Comparisons = match.Comparisons, Candidates = match.Candidates };
        }
    }

    private IndexMatch Match(StatementProbe probe, SpeakerIndex primary, DateTimeOffset now)
    {
        var match = primary.Match(probe, now);
        foreach (var bucket in probe.Identity.Buckets.Skip(1))
        {
            if (match.Match is not null)
            {
                break;
            }

            if (speakers.TryGetValue(bucket.Name, out var other))
            {
                lock (other)
                {
                    var alternative = other.Match(probe, now);
                    match = alternative with
                    {
                        Comparisons = [.. match.Comparisons, .. alternative.Comparisons],
                        Candidates = match.Candidates + alternative.Candidates,
                    };
                }
            }
        }

        return match;
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
        foreach (var gone in index.Statements.Where(s => !kept.Contains(s.Key)))
        {
            statements.TryRemove(gone.Key, out _);
        }

        index.Replace(live);
    }

    private static IReadOnlyList<string> Keys(IndexMatch match) => [.. match.Comparisons.Select(c => c.Key)];
}
