using Alerts.Analysis;
using Alerts.Novelty;
using Alerts.Storage;
using Alerts.Tests.Infrastructure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Tests.Novelty;

/// <summary>The statement index shared by every instance, in blob storage (Azurite): exactly one alert when instances
/// race, reports attached, the window, and a lookup cost that does not grow with the index.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class BlobStatementIndexTests(AzuriteFixture azurite)
{
    private const string Said = "Mexico will never accept foreign troops on its territory. Our sovereignty is not negotiable.";
    private const string Reworded = "Foreign soldiers will never be accepted on Mexican soil; our sovereignty is not up for negotiation.";

    [Fact]
    public async Task FindNew_TwoInstancesRacingOnOneStatement_ExactlyOneNewEveryRound()
    {
        await using var first = Instance.Create(azurite.ConnectionString);
        await using var second = Instance.Create(azurite.ConnectionString);

        for (var round = 0; round < 30; round++)
        {
            // A statement nobody has made before, by a speaker with no history, in two outlets' wordings.
            var speaker = new Speaker($"Ana Race{round}x{Guid.NewGuid():N}", "Minister", SpeakerKind.Person);
            var other = round % 2 == 0 ? Said : Reworded;
            using var start = new Barrier(2);
            var results = await Task.WhenAll(
                Task.Run(() => { start.SignalAndWait(); return first.Novelty.FindNewAsync(Analysis(speaker, Said, "wire"), $"wire-{round}.json", default); }),
                Task.Run(() => { start.SignalAndWait(); return second.Novelty.FindNewAsync(Analysis(speaker, other, "daily"), $"daily-{round}.json", default); }));

            Assert.True(results.Sum(r => r.Count) == 1, $"round {round}: {results[0].Count} + {results[1].Count} new");
        }
    }

    [Fact]
    public async Task FindNew_TwoInstancesRacingUnderTwoNameFormsOfOneSpeaker_ExactlyOneNewEveryRound()
    {
        await using var first = Instance.Create(azurite.ConnectionString);
        await using var second = Instance.Create(azurite.ConnectionString);

        for (var round = 0; round < 20; round++)
        {
            // One outlet writes the full name, the other drops the middle name: their likeliest surnames differ
            // ("lucia" for the first, the family name for the second), so each would commit to a different bucket.
            var surname = $"Race{round}x{Guid.NewGuid():N}";
            var full = new Speaker($"Ana Lucía {surname}", "Minister", SpeakerKind.Person);
            var shorter = new Speaker($"Ana {surname}", "Minister", SpeakerKind.Person);
            using var start = new Barrier(2);
            var results = await Task.WhenAll(
                Task.Run(() => { start.SignalAndWait(); return first.Novelty.FindNewAsync(Analysis(full, Said, "wire"), $"wire-{round}.json", default); }),
                Task.Run(() => { start.SignalAndWait(); return second.Novelty.FindNewAsync(Analysis(shorter, Reworded, "daily"), $"daily-{round}.json", default); }));

            Assert.True(results.Sum(r => r.Count) == 1, $"round {round}: {results[0].Count} + {results[1].Count} new");
        }
    }

    [Fact]
    public async Task FindNew_RetriedBySameAnalysis_IsStillNew()
    {
        await using var instance = Instance.Create(azurite.ConnectionString);
        var speaker = Someone();

        var firstTry = await instance.Novelty.FindNewAsync(Analysis(speaker, Said, "wire"), "wire.json", default);
        var retry = await instance.Novelty.FindNewAsync(Analysis(speaker, Said, "wire"), "wire.json", default);
        var elsewhere = await instance.Novelty.FindNewAsync(Analysis(speaker, Reworded, "daily"), "daily.json", default);

        Assert.Single(firstTry);
        Assert.Equal(firstTry[0].Decision.Statement.Key, Assert.Single(retry).Decision.Statement.Key);
        Assert.Empty(elsewhere);
    }

    [Fact]
    public async Task FindNew_RecordLostAfterClaim_RetryStaysNewAndRewritesIt()
    {
        await using var instance = Instance.Create(azurite.ConnectionString);
        var speaker = Someone();
        var first = await instance.Novelty.FindNewAsync(Analysis(speaker, Said, "wire"), "wire.json", default);
        var key = first[0].Decision.Statement.Key;
        // The instance stopped after committing the speaker's document, before writing the record.
        await azurite.Service.GetBlobContainerClient(PipelineNames.StatementsContainer).DeleteBlobAsync(key + ".json");

        var retry = await instance.Novelty.FindNewAsync(Analysis(speaker, Said, "wire"), "wire.json", default);
        var elsewhere = await instance.Novelty.FindNewAsync(Analysis(speaker, Reworded, "daily"), "daily.json", default);

        Assert.Equal(key, Assert.Single(retry).Decision.Statement.Key);
        Assert.Empty(elsewhere);
        var stored = await instance.Store.ReadAsync<KnownStatement>(PipelineNames.StatementsContainer, key + ".json", default);
        Assert.Equal("wire.json", stored!.Document.FirstAnalysis);
        Assert.Equal(2, stored.Document.Reports.Count);
    }

    [Fact]
    public async Task Claim_LaterReport_IsAttachedToTheStoredRecord()
    {
        await using var instance = Instance.Create(azurite.ConnectionString);
        var speaker = Someone();
        var created = await instance.Novelty.FindNewAsync(Analysis(speaker, Said, "wire"), "wire.json", default);

        var decisions = await instance.Novelty.DecideAsync(Analysis(speaker, Reworded, "daily"), "daily.json", default);

        var key = created[0].Decision.Statement.Key;
        var stored = await instance.Store.ReadAsync<KnownStatement>(PipelineNames.StatementsContainer, key + ".json", default);
        Assert.False(Assert.Single(decisions).Decision.IsNew);
        Assert.Equal(["https://news.example/wire", "https://news.example/daily"], stored!.Document.Reports.Select(r => r.Url));
        Assert.Equal(Reworded, stored.Document.Reports[1].Wording);
        Assert.Equal("Outlet daily", stored.Document.Reports[1].Source);
    }

    [Fact]
    public async Task Claim_LaterReportMatchingOnlyTheQuotesSummary_IsKnownAsInMemory()
    {
        await using var instance = Instance.Create(azurite.ConnectionString);
        var speaker = Someone();
        var quote = Analysis(speaker, "Our ships stay in our own waters; the gulf is patrolled by our sailors alone.", "wire");
        quote = quote with { Statements = [quote.Statements[0] with { Wordings = ["ruled out sending warships into Mexican waters"] }] };
        Assert.Single(await instance.Novelty.FindNewAsync(quote, "wire.json", default));

        var report = await instance.Novelty.FindNewAsync(Analysis(speaker, "She ruled out sending U.S. warships into Mexican waters.", "daily"), "daily.json", default);

        Assert.Empty(report);
    }

    [Fact]
    public async Task Claim_RepeatAfterWindow_IsNewAgain()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var instance = Instance.Create(azurite.ConnectionString, time);
        var speaker = Someone();
        await instance.Novelty.FindNewAsync(Analysis(speaker, Said, "wire"), "wire.json", default);

        time.Advance(TimeSpan.FromDays(10));
        var withinWindow = await instance.Novelty.FindNewAsync(Analysis(speaker, Reworded, "daily"), "daily.json", default);
        time.Advance(TimeSpan.FromDays(21));
        var afterWindow = await instance.Novelty.FindNewAsync(Analysis(speaker, Reworded, "weekly"), "weekly.json", default);

        Assert.Empty(withinWindow);
        Assert.Equal("weekly.json", Assert.Single(afterWindow).Decision.Statement.FirstAnalysis);
    }

    [Fact]
    public async Task Claim_StorageCallsPerLookup_DoNotGrowWithTheSpeakersStatements()
    {
        await using var instance = Instance.Create(azurite.ConnectionString);
        var speaker = Someone();
        for (var i = 0; i < 5; i++)
        {
            await instance.Novelty.FindNewAsync(Analysis(speaker, Topic(i), "seed"), $"seed-{i}.json", default);
        }

        var small = await CallsAsync(instance, speaker, 100);
        for (var i = 5; i < 60; i++)
        {
            await instance.Novelty.FindNewAsync(Analysis(speaker, Topic(i), "seed"), $"seed-{i}.json", default);
        }

        var large = await CallsAsync(instance, speaker, 101);

        Assert.Equal(small, large);
        // A new statement is also filed under the name's other bucket ("Ana" as well as "Test…"): two calls more.
        Assert.InRange(large.New, 1, 6);
        Assert.InRange(large.Known, 1, 5);
    }

    [Fact]
    public async Task Claim_SpeakerOfLongStatements_KeepsEachDocumentWithinTheByteCapDroppingTheOldest()
    {
        const int Cap = 16 * 1024;
        await using var instance = Instance.Create(azurite.ConnectionString, settings: new Dictionary<string, string?> { ["Novelty:MaxSpeakerDocumentBytes"] = $"{Cap}" });
        var speaker = Someone();
        // Each statement is near the text cap, so a few fill the document long before MaxStatementsPerSpeaker.
        string Long(int i) => Topic(i) + " " + string.Join(" ", Enumerable.Range(0, 40).Select(j => $"Convoy {i}-{j} was stopped near the crossing."));
        for (var i = 0; i < 30; i++)
        {
            await instance.Novelty.FindNewAsync(Analysis(speaker, Long(i), "seed"), $"long-{i}.json", default);
        }

        var storage = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(PipelineNames.StatementsContainer);
        foreach (var bucket in SpeakerIdentity.Of(speaker).Buckets)
        {
            var name = BlobStatementIndex.SpeakerBlob(bucket.Name);
            var size = (await storage.GetBlobClient(name).GetPropertiesAsync()).Value.ContentLength;
            var document = (await instance.Store.ReadAsync<SpeakerDocument>(PipelineNames.StatementsContainer, name, default))!.Document;
            Assert.InRange(size, 1, Cap);
            Assert.InRange(document.Statements.Count, 2, 29);
            // The newest are kept, the oldest went first.
            Assert.Contains("1029 soldiers", document.Statements[^1].Text, StringComparison.Ordinal);
            Assert.DoesNotContain(document.Statements, s => s.Text.Contains("1000 soldiers", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Claim_StatementOf20000Chars_IsIndexedCutToTheTextCapWithBoundedClaims()
    {
        await using var instance = Instance.Create(azurite.ConnectionString);
        var speaker = Someone();
        var text = string.Join(" ", Enumerable.Range(0, 400).Select(i => $"Mexico will deploy {2000 + i} soldiers to the border near crossing number {i}, said again."));

        await instance.Novelty.FindNewAsync(Analysis(speaker, text, "huge"), "huge.json", default);

        var bucket = SpeakerIdentity.Of(speaker).Buckets[0];
        var indexed = Assert.Single((await instance.Store.ReadAsync<SpeakerDocument>(PipelineNames.StatementsContainer, BlobStatementIndex.SpeakerBlob(bucket.Name), default))!.Document.Statements);
        Assert.True(text.Length > 20_000);
        Assert.Equal(Statement.MaxTextChars, indexed.Text.Length);
        Assert.Equal(StatementProbe.MaxStoredClaims, indexed.Claims.Count);
        Assert.All(indexed.Claims, c => Assert.True(c.Concepts.Count <= StatementProbe.MaxConceptsPerClaim));
    }

    private static async Task<(int New, int Known)> CallsAsync(Instance instance, Speaker speaker, int topic)
    {
        var before = instance.Calls.Count;
        await instance.Novelty.FindNewAsync(Analysis(speaker, Topic(topic), "probe"), $"probe-{topic}.json", default);
        var afterNew = instance.Calls.Count;
        await instance.Novelty.FindNewAsync(Analysis(speaker, Topic(topic), "again"), $"again-{topic}.json", default);
        return (afterNew - before, instance.Calls.Count - afterNew);
    }

    /// <summary>Distinct claims: each names its own number, which no other claim shares.</summary>
    private static string Topic(int i) => $"Mexico will deploy {1000 + i} soldiers to the border to stop cartel convoys.";

    private static Speaker Someone() => new($"Ana Test{Guid.NewGuid():N}", "Minister", SpeakerKind.Person);

    internal static ArticleAnalysis Analysis(Speaker speaker, string text, string outlet) => new()
    {
        ArticleId = outlet,
        ArticleUrl = $"https://news.example/{outlet}",
        Source = "Outlet " + outlet,
        Title = "Mexico rejects U.S. troops against cartels",
        Published = DateTimeOffset.UtcNow,
        Analyzed = DateTimeOffset.UtcNow,
        Analyzer = "offline",
        Sentiment = SentimentScore.Neutral,
        Statements = [new Statement("s1", speaker, text, StatementKind.Direct, 0, text.Length, 0, 0.9, ["troops"])],
    };

    /// <summary>One notifier instance: its own service provider, blob client and index object, as on another host.</summary>
    internal sealed class Instance : IAsyncDisposable
    {
        private readonly ServiceProvider provider;

        private Instance(ServiceProvider provider, CallCounter calls)
        {
            this.provider = provider;
            Calls = calls;
        }

        public CallCounter Calls { get; }

        public NoveltyCheck Novelty => provider.GetRequiredService<NoveltyCheck>();

        public BlobDocumentStore Store => provider.GetRequiredService<BlobDocumentStore>();

        public static Instance Create(string connectionString, TimeProvider? time = null, IDictionary<string, string?>? settings = null)
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { [PipelineNames.StorageConnection] = connectionString })
                .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
                .Build();
            var calls = new CallCounter();
            var services = new ServiceCollection()
                .AddSingleton<IConfiguration>(configuration)
                .AddLogging()
                .AddSingleton(time ?? TimeProvider.System);
            services.AddAlertsStorage(configuration).AddAlertsAnalysis(configuration).AddAlertsNovelty(configuration);
            services.AddSingleton(_ =>
            {
                var options = new BlobClientOptions();
                options.AddPolicy(calls, HttpPipelinePosition.PerCall);
                return new BlobServiceClient(connectionString, options);
            });
            return new Instance(services.BuildServiceProvider(), calls);
        }

        public ValueTask DisposeAsync() => provider.DisposeAsync();
    }

    /// <summary>Counts storage calls (each logical call once, whatever its retries).</summary>
    internal sealed class CallCounter : HttpPipelineSynchronousPolicy
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref count);
    }
}
