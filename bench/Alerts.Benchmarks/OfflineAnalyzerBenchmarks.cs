using System.Globalization;
using System.Text;
using Alerts.Analysis;
using Alerts.Articles;
using Alerts.Fetching;
using Alerts.Replay;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alerts.Benchmarks;

/// <summary>
/// AnalyzeArticle with the offline analyzer (statement extraction, speaker resolution, topic scoring, VADER sentiment
/// per sentence, entities) over the shared corpus and our labelled sample articles, pinned to one core. One operation
/// analyses every article once; the extra columns turn the mean into articles and megabytes (UTF-8) per second.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(OneCoreConfig))]
public class OfflineAnalyzerBenchmarks
{
    private static int articleCount;
    private static long utf8Bytes;

    private ArticleAnalyzer analyzer = null!;
    private List<Article> articles = [];

    [GlobalSetup]
    public void Setup()
    {
        analyzer = new ArticleAnalyzer(
            new OfflineTextAnalyzer(),
            TimeProvider.System,
            new StatementExtractor(),
            new TopicScorer(TopicProfile.UsMexicoMilitaryAction),
            Options.Create(new AnalysisOptions()),
            NullLogger<ArticleAnalyzer>.Instance);
        articles = LoadArticles();
        articleCount = articles.Count;
        utf8Bytes = articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Text));
    }

    [Benchmark]
    public async Task<int> AnalyzeAllArticles()
    {
        var statements = 0;
        foreach (var article in articles)
        {
            statements += (await analyzer.AnalyzeAsync(article, CancellationToken.None)).Statements.Count;
        }

        return statements;
    }

    private static List<Article> LoadArticles()
    {
        var root = FindRoot();
        var files = new List<string>();
        var corpus = Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus"));
        if (Directory.Exists(corpus))
        {
            files.AddRange(Directory.EnumerateFiles(corpus, "*.txt"));
        }

        files.AddRange(Directory.EnumerateFiles(Path.Combine(root, "tests", "Alerts.Core.Tests", "Corpus", "Samples"), "*.txt"));
        // Read as replay reads them: a headline-like first line is the title, anything else stays text.
        var reader = new ArticleFileReader(new HtmlArticleExtractor());
        return files.Order(StringComparer.Ordinal)
            .Select(file => reader.ReadAsync(file, DateTimeOffset.UnixEpoch, CancellationToken.None).GetAwaiter().GetResult())
            .ToList();
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Alerts.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }

    /// <summary>One core (affinity mask 1), in-process, with throughput columns.</summary>
    private sealed class OneCoreConfig : ManualConfig
    {
        public OneCoreConfig()
        {
            // Explicit invocation count: Program.cs's default job runs one invocation per iteration, far too short here.
            AddJob(Job.ShortRun.WithAffinity(1).WithToolchain(InProcessEmitToolchain.Instance)
                .WithInvocationCount(32).WithUnrollFactor(1).WithIterationCount(10).WithId("OneCore"));
            AddColumn(new Throughput("Articles/s", () => articleCount), new Throughput("MB/s", () => utf8Bytes / 1_000_000.0));
        }
    }

    private sealed class Throughput(string name, Func<double> perOperation) : IColumn
    {
        public string Id => nameof(Throughput) + name;
        public string ColumnName => name;
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => $"{name} on one core (mean)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            return mean is > 0 ? (perOperation() / (mean.Value / 1e9)).ToString("N1", CultureInfo.InvariantCulture) : "-";
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
