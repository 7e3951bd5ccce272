using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Alerts.Analysis;
using Alerts.Novelty;
using Alerts.Storage;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Alerts.Tests.Infrastructure;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alerts.Benchmarks;

/// <summary>
/// The novelty lookup: one statement matched against an index of <see cref="Size"/> known statements by 1,000
/// speakers (so 10, 100 or 1,000 per speaker), then inserted when new. In memory: time and allocation per statement,
/// and the heap the index holds (printed after the fill). In blob storage (Azurite): storage calls per lookup.
/// </summary>
[MemoryDiagnoser]
public class NoveltyBenchmarks
{
    private const int Speakers = 1000;
    private const int Batch = 1000;

    private InMemoryStatementIndex? index;
    private int next;
    private long lookups;
    private long compared;

    [Params(10_000, 100_000, 1_000_000)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        index = new InMemoryStatementIndex(Options.Create(new NoveltyOptions()), TimeProvider.System);
        for (var i = 0; i < Size; i++)
        {
            index.Claim(StatementProbe.Of(NoveltyCorpus.Sighting(i % Speakers, i, reworded: false)));
        }

        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// Novelty index of {Size:N0} statements: filled in {clock.Elapsed.TotalSeconds:F1} s, heap {held / 1048576.0:F1} MB ({held / (double)Size:F0} bytes per statement)"));
        next = Size;
    }

    /// <summary>A statement nobody made: matched against its speaker's candidates, then inserted.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int LookupAndInsertNew()
    {
        var isNew = 0;
        for (var i = 0; i < Batch; i++)
        {
            var id = next++;
            var decision = index!.Claim(StatementProbe.Of(NoveltyCorpus.Sighting(id % Speakers, id, reworded: false)));
            isNew += decision.IsNew ? 1 : 0;
            lookups++;
            compared += decision.Candidates;
        }

        return isNew == Batch ? isNew : throw new InvalidOperationException($"{Batch - isNew} new statements judged repeats.");
    }

    /// <summary>A reworded repeat of a known statement: found among the candidates, its report attached.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int LookupRepeat()
    {
        var known = 0;
        for (var i = 0; i < Batch; i++)
        {
            var id = (int)((uint)HashCode.Combine(next, i) % (uint)Size);
            var decision = index!.Claim(StatementProbe.Of(NoveltyCorpus.Sighting(id % Speakers, id, reworded: true)));
            known += decision.IsNew ? 0 : 1;
            lookups++;
            compared += decision.Candidates;
        }

        return known;
    }

    [GlobalCleanup]
    public void Report()
        => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// Novelty index of {Size:N0} statements: {compared / (double)Math.Max(1, lookups):F1} known statements compared per lookup"));
}

/// <summary>
/// The blob-backed index over Azurite: storage calls per lookup (counted by a pipeline policy on the blob client) with
/// <see cref="Size"/> statements stored by 1,000 speakers. Speaker documents are seeded directly, as the index would
/// have written them. Prints the counts; the times are Azurite round trips on this machine.
/// </summary>
public class NoveltyStorageBenchmarks
{
    private const int Speakers = 1000;
    private const int Lookups = 50;

    private readonly CallCounter calls = new();
    private Azurite? azurite;
    private BlobStatementIndex? index;
    private int next;

    [Params(1_000, 10_000, 100_000)]
    public int Size { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        azurite = await Azurite.StartAsync();
        // Should the run die before [GlobalCleanup], Azurite must not outlive it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.DisposeAsync().AsTask().Wait();
        var connection = azurite.ConnectionString;
        var options = new BlobClientOptions();
        options.AddPolicy(calls, HttpPipelinePosition.PerCall);
        var service = new BlobServiceClient(connection, options);
        var store = new BlobDocumentStore(service, new NoBlobEvents());
        await store.EnsureContainersAsync(CancellationToken.None);
        var noveltyOptions = new NoveltyOptions();
        var now = DateTimeOffset.UtcNow;
        var speakers = new Dictionary<string, List<IndexedStatement>>(StringComparer.Ordinal);
        for (var i = 0; i < Size; i++)
        {
            var probe = StatementProbe.Of(NoveltyCorpus.Sighting(i % Speakers, i, reworded: false));
            var bucket = probe.Identity.Primary.Name;
            if (!speakers.TryGetValue(bucket, out var list))
            {
                speakers[bucket] = list = [];
            }

            list.Add(probe.ToIndexed(now.AddSeconds(-Size + i)));
        }

        await Parallel.ForEachAsync(speakers, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (speaker, ct) =>
            await store.UpsertAsync(PipelineNames.StatementsContainer, BlobStatementIndex.SpeakerBlob(speaker.Key),
                new SpeakerDocument(speaker.Key, speaker.Value), ct));
        index = new BlobStatementIndex(store, Options.Create(noveltyOptions), TimeProvider.System, NullLogger<BlobStatementIndex>.Instance);
        next = Size;
    }

    /// <summary><see cref="Lookups"/> new statements, then a reworded repeat of each; prints calls per lookup.</summary>
    [Benchmark(OperationsPerInvoke = 2 * Lookups)]
    public async Task<int> LookupNewThenRepeat()
    {
        var ids = Enumerable.Range(next, Lookups).ToList();
        next += Lookups;
        var start = calls.Count;
        foreach (var id in ids)
        {
            await index!.ClaimAsync(NoveltyCorpus.Sighting(id % Speakers, id, reworded: false), CancellationToken.None);
        }

        var afterNew = calls.Count;
        var known = 0;
        foreach (var id in ids)
        {
            known += (await index!.ClaimAsync(NoveltyCorpus.Sighting(id % Speakers, id, reworded: true), CancellationToken.None)).IsNew ? 0 : 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// Storage calls per lookup with {Size:N0} statements: new {(afterNew - start) / (double)Lookups:F2}, repeat {(calls.Count - afterNew) / (double)Lookups:F2} ({known}/{Lookups} repeats found)"));
        return known;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }

    private sealed class CallCounter : HttpPipelineSynchronousPolicy
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref count);
    }
}

/// <summary>Synthetic statements: pseudo-words, so that statements share words only by chance, as unrelated claims
/// do; a reworded repeat is the same claims with the words reordered and a filler word added.</summary>
internal static class NoveltyCorpus
{
    private static readonly string[] Syllables = "ka lo mi ne ru ta vo si pe da go fu zi be no ra te li mo su".Split(' ');

    public static StatementSighting Sighting(int speaker, int statement, bool reworded)
    {
        var person = new Speaker($"{Word(speaker * 7 + 1)} {Word(speaker * 13 + 5)}", null, SpeakerKind.Person);
        var first = Enumerable.Range(0, 7).Select(w => Word((int)((uint)HashCode.Combine(statement, 1, w) % 20000))).ToList();
        var second = Enumerable.Range(0, 6).Select(w => Word((int)((uint)HashCode.Combine(statement, 2, w) % 20000))).ToList();
        if (reworded)
        {
            first.Reverse();
            second.Insert(2, "really");
        }

        var text = string.Join(' ', first) + ". " + string.Join(' ', second) + ".";
        return new StatementSighting(
            StatementKeys.Of(person, text), person, text, StatementKind.Direct, $"analysis-{statement}-{reworded}",
            new StatementReport("Bench", $"https://bench.example/{statement}/{reworded}", "Bench story", DateTimeOffset.UtcNow, text));
    }

    private static string Word(int n)
    {
        var builder = new StringBuilder("x");
        for (var i = 0; i < 4; i++)
        {
            builder.Append(Syllables[n % Syllables.Length]);
            n /= Syllables.Length;
        }

        return builder.ToString();
    }
}
