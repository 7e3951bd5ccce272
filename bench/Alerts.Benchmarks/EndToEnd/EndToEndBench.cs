using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Alerts.Analysis;
using Alerts.Articles;
using Alerts.Storage;
using Alerts.Tests;
using Alerts.Tests.Infrastructure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MimeKit;

namespace Alerts.Benchmarks.EndToEnd;

/// <param name="Items">Fresh on-topic items the live feed publishes, one new statement each.</param>
/// <param name="Rate">Fresh items per second.</param>
/// <param name="Backlog">Older articles (three days back) the backlog feeds offer on the first fetch.</param>
/// <param name="BacklogOnTopicShare">Share of the backlog that is on topic, each a new statement; the rest is off topic.</param>
/// <param name="WorkDirectory">Where the host's settings, log and maildev's mail go.</param>
internal sealed record EndToEndSettings(int Items, double Rate, int Backlog, string WorkDirectory)
{
    public double BacklogOnTopicShare { get; init; } = 0.1;
    /// <summary>The shortened fetch schedule (NCRONTAB).</summary>
    public string FetchSchedule { get; init; } = "*/5 * * * * *";
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);
    /// <summary>More host settings (A:B names), e.g. the dispatch lanes' bounds.</summary>
    public IReadOnlyDictionary<string, string> HostSettings { get; init; } = new Dictionary<string, string>();
}

/// <param name="Queued">Articles stored but not yet notified when the first fresh item was published.</param>
/// <param name="Arrived">Fresh items whose email reached maildev.</param>
/// <param name="LatenciesSeconds">Feed-to-inbox latency of each fresh item that arrived, ascending.</param>
/// <param name="Articles">Articles stored in all.</param>
/// <param name="Notified">Articles analysed and notified in all.</param>
/// <param name="DrainSeconds">First article stored → as many notified as the backlog holds (polled every 2 s), or the
/// last notified without a backlog.</param>
/// <param name="PeakRssBytes">The host process's peak resident memory (VmHWM).</param>
/// <param name="MeteredRecordsPerArticle">Azure AI Language text records the analysis would bill, per article.</param>
/// <param name="WholeArticleRecordsPerArticle">The same if every article were sent whole.</param>
/// <param name="Emails">Emails in maildev at the end (fresh and backlog alerts).</param>
internal sealed record EndToEndResult(
    int Queued,
    int Items,
    int Arrived,
    IReadOnlyList<double> LatenciesSeconds,
    int Articles,
    int Notified,
    double DrainSeconds,
    long PeakRssBytes,
    double MeteredRecordsPerArticle,
    double WholeArticleRecordsPerArticle,
    int Emails,
    bool TimedOut)
{
    public int Backlog { get; init; }

    public double ArticlesPerSecond => DrainSeconds > 0 ? (Backlog > 0 ? Backlog : Notified) / DrainSeconds : 0;

    /// <summary>Nearest rank, 0 when nothing arrived.</summary>
    public double Percentile(double p)
        => LatenciesSeconds.Count == 0 ? 0 : LatenciesSeconds[Math.Clamp((int)Math.Ceiling(p / 100 * LatenciesSeconds.Count) - 1, 0, LatenciesSeconds.Count - 1)];

    public string Table()
    {
        var c = CultureInfo.InvariantCulture;
        return string.Join('\n',
            "| Figure | Value |",
            "| --- | ---: |",
            string.Create(c, $"| cores (Environment.ProcessorCount) | {Environment.ProcessorCount} |"),
            string.Create(c, $"| articles queued (stored, not yet notified) when the first fresh item was published | {Queued:N0} |"),
            string.Create(c, $"| fresh items published / emailed | {Items:N0} / {Arrived:N0} |"),
            string.Create(c, $"| feed-to-inbox latency p50 / p95 / max | {Percentile(50):F1} s / {Percentile(95):F1} s / {Percentile(100):F1} s |"),
            string.Create(c, $"| articles stored / analysed and notified | {Articles:N0} / {Notified:N0} |"),
            string.Create(c, $"| backlog drain throughput (first article stored → backlog's count notified) | {ArticlesPerSecond:F1} articles/s over {DrainSeconds:F0} s |"),
            string.Create(c, $"| peak RSS of the host process | {PeakRssBytes / (1024.0 * 1024):F0} MB |"),
            string.Create(c, $"| Language text records per article: billed / whole article | {MeteredRecordsPerArticle:F3} / {WholeArticleRecordsPerArticle:F2} |"),
            string.Create(c, $"| emails in maildev | {Emails:N0} |"),
            TimedOut ? "| **timed out** | not every article was notified or not every fresh item emailed |" : "");
    }
}

/// <summary>Feed to inbox, measured: Azurite, maildev and synthetic feeds on 127.0.0.1, the real host as its own
/// process (<c>Alerts.Host run</c>) with a shortened fetch schedule. A backlog of older articles is fetched first;
/// once it is stored, the live feed starts publishing fresh on-topic items, and each one's latency runs from its
/// publication to its email's file in maildev's mail directory.</summary>
internal static class EndToEndBench
{
    public static async Task<int> MainAsync(string[] args)
    {
        double rate = 0.5, duration = 40, timeout = 1800;
        int backlog = 2000;
        var host = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--backlog": backlog = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--rate": rate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--duration": duration = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--timeout": timeout = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--set":
                    var pair = Next().Split('=', 2);
                    host[pair[0].Replace("__", ":", StringComparison.Ordinal)] = pair.Length > 1 ? pair[1] : "";
                    break;
                default:
                    await Console.Error.WriteLineAsync($"unknown argument '{args[i]}'; usage: e2e [--backlog N] [--rate R] [--duration S] [--timeout S] [--set Name=Value]…");
                    return 2;
            }
        }

        var work = Path.Combine(RepoPaths.Root, ".run", "bench");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        var settings = new EndToEndSettings(Math.Max(1, (int)Math.Round(rate * duration)), rate, backlog, work) { HostSettings = host, Timeout = TimeSpan.FromSeconds(timeout) };
        var result = await RunAsync(settings, Console.Out);
        Console.WriteLine();
        Console.WriteLine(result.Table());
        return result.TimedOut ? 1 : 0;
    }

    public static async Task<EndToEndResult> RunAsync(EndToEndSettings settings, TextWriter log)
    {
        Directory.CreateDirectory(settings.WorkDirectory);
        var mailDirectory = Directory.CreateDirectory(Path.Combine(settings.WorkDirectory, "mail")).FullName;
        await using var azurite = await Azurite.StartAsync();
        var smtp = LocalProcess.FreePort();
        var web = LocalProcess.FreePort();
        await using var maildev = await LocalProcess.StartAsync(
            RepoPaths.NodeTool("maildev"),
            ["--smtp", $"{smtp}", "--web", $"{web}", "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--mail-directory", mailDirectory],
            web,
            "maildev");
        await using var feeds = await SyntheticFeeds.StartAsync(settings.Backlog, settings.BacklogOnTopicShare, settings.Items, settings.Rate);
        var storage = new BlobServiceClient(azurite.ConnectionString);

        var settingsFile = Path.Combine(settings.WorkDirectory, "host.settings.json");
        await File.WriteAllTextAsync(settingsFile, JsonSerializer.Serialize(new { Values = HostValues(settings, azurite, smtp, feeds) }));
        var hostLog = Path.Combine(settings.WorkDirectory, "host.log");
        using var hostProcess = StartHost(settingsFile, settings.WorkDirectory, hostLog);
        var clock = Stopwatch.StartNew();
        try
        {
            await log.WriteLineAsync($"e2e: host pid {hostProcess.Id}, {settings.Backlog:N0} backlog articles in {feeds.BacklogFeedCount} feeds, then {settings.Items} fresh items at {settings.Rate}/s; host log {hostLog}");
            var timedOut = false;
            while (settings.Backlog > 0 && await CountAsync(storage, PipelineNames.ArticlesContainer, null) < settings.Backlog)
            {
                if (HostGone(hostProcess, hostLog) || clock.Elapsed > settings.Timeout)
                {
                    timedOut = true;
                    break;
                }

                await Task.Delay(1000);
            }

            var queued = await CountAsync(storage, PipelineNames.ArticlesContainer, null) - await CountAsync(storage, PipelineNames.DeliveriesContainer, "analyses/");
            feeds.StartLive();
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"e2e: backlog stored after {clock.Elapsed.TotalSeconds:F0} s, {queued:N0} still queued; fresh items start"));

            var arrivals = new Dictionary<int, DateTimeOffset>();
            var seenFiles = new HashSet<string>(StringComparer.Ordinal);
            var lastReport = TimeSpan.Zero;
            DateTimeOffset? backlogDrained = null;
            while (!timedOut)
            {
                ReadArrivals(mailDirectory, seenFiles, arrivals);
                var articles = await CountAsync(storage, PipelineNames.ArticlesContainer, null);
                var notified = await CountAsync(storage, PipelineNames.DeliveriesContainer, "analyses/");
                backlogDrained ??= notified >= settings.Backlog ? DateTimeOffset.UtcNow : null;
                if (arrivals.Count >= settings.Items && articles >= settings.Backlog + settings.Items && notified >= articles)
                {
                    break;
                }

                if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(15))
                {
                    lastReport = clock.Elapsed;
                    await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"e2e: {clock.Elapsed.TotalSeconds:F0} s: {articles:N0} stored, {notified:N0} notified, {arrivals.Count}/{settings.Items} fresh emailed"));
                }

                timedOut = HostGone(hostProcess, hostLog) || clock.Elapsed > settings.Timeout;
                // Two listings a pass: at 20,000 blobs, polling faster would load Azurite as much as the host does.
                await Task.Delay(2000);
            }

            ReadArrivals(mailDirectory, seenFiles, arrivals);
            var peakRss = PeakRss(hostProcess.Id);
            var latencies = arrivals.Select(a => Math.Max(0, (a.Value - feeds.PublishedAt(a.Key)).TotalSeconds)).Order().ToList();
            var (articlesStored, firstStored) = await CreatedAsync(storage, PipelineNames.ArticlesContainer, null, first: true);
            var (notifiedCount, lastNotified) = await CreatedAsync(storage, PipelineNames.DeliveriesContainer, "analyses/", first: false);
            // Throughput is the backlog's: from the first article stored until as many were notified as the backlog holds.
            var drainedAt = settings.Backlog > 0 ? backlogDrained : lastNotified;
            var (metered, whole) = await TextRecordsAsync(storage);
            return new EndToEndResult(
                queued,
                settings.Items,
                arrivals.Count,
                latencies,
                articlesStored,
                notifiedCount,
                firstStored is { } f && drainedAt is { } l ? (l - f).TotalSeconds : 0,
                peakRss,
                metered,
                whole,
                seenFiles.Count,
                timedOut)
            { Backlog = settings.Backlog };
        }
        finally
        {
            if (!hostProcess.HasExited)
            {
                hostProcess.Kill(entireProcessTree: true);
                await hostProcess.WaitForExitAsync();
            }
        }
    }

    private static Dictionary<string, string> HostValues(EndToEndSettings settings, Azurite azurite, int smtp, SyntheticFeeds feeds)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [PipelineNames.StorageConnection] = azurite.ConnectionString,
            ["Fetch__Schedule"] = settings.FetchSchedule,
            ["Fetch__AllowedPrivateHosts__0"] = "127.0.0.1",
            ["Fetch__Sources__0__Name"] = "Live wire",
            ["Fetch__Sources__0__Url"] = $"{feeds.BaseUrl}/live.xml",
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = $"{smtp}",
            ["Smtp__Security"] = "None",
            ["Smtp__From"] = "alerts@alerts.test",
            ["Notify__SubscriptionsFile"] = Path.Combine(RepoPaths.Samples, "subscriptions.json"),
            // The stages log each article at Information; at 20,000 articles that is the console's work, not the pipeline's.
            ["Logging__LogLevel__Alerts"] = "Warning",
        };
        for (var i = 0; i < feeds.BacklogFeedCount; i++)
        {
            values[$"Fetch__Sources__{i + 1}__Name"] = $"Backlog wire {i}";
            values[$"Fetch__Sources__{i + 1}__Url"] = $"{feeds.BaseUrl}/backlog/{i}.xml";
        }

        foreach (var (name, value) in settings.HostSettings)
        {
            values[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return values;
    }

    private static Process StartHost(string settingsFile, string workDirectory, string logFile)
    {
        // The host this benchmark was built beside: same configuration (Release under ./run.sh and ./test.sh).
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var dll = Path.Combine(RepoPaths.Root, "src", "Alerts.Host", "bin", configuration, "net10.0", "Alerts.Host.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is not built: run dotnet build -c {configuration} first.");
        }

        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDirectory,
        };
        foreach (var argument in new[] { dll, "run", "--settings", settingsFile })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the host.");
        var writer = new StreamWriter(logFile) { AutoFlush = true };
        void Write(string? line)
        {
            if (line is not null)
            {
                lock (writer)
                {
                    writer.WriteLine(line);
                }
            }
        }

        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.Exited += (_, _) => { lock (writer) { writer.Dispose(); } };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static bool HostGone(Process host, string logFile)
        => host.HasExited ? throw new InvalidOperationException($"The host exited with {host.ExitCode}; see {logFile}.") : false;

    /// <summary>Each new .eml file: which fresh item it alerts on (the article URL in its text) and when it arrived.</summary>
    private static void ReadArrivals(string directory, HashSet<string> seen, Dictionary<int, DateTimeOffset> arrivals)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*.eml"))
        {
            if (seen.Contains(file))
            {
                continue;
            }

            MimeMessage message;
            try
            {
                message = MimeMessage.Load(file);
            }
            catch (Exception e) when (e is IOException or FormatException)
            {
                continue; // still being written; read on the next pass
            }

            seen.Add(file);
            var index = SyntheticFeeds.LiveIndex(message.TextBody ?? message.HtmlBody ?? "");
            if (index >= 0 && !arrivals.ContainsKey(index))
            {
                arrivals[index] = File.GetLastWriteTimeUtc(file);
            }
        }
    }

    private static async Task<int> CountAsync(BlobServiceClient storage, string container, string? prefix)
    {
        var count = 0;
        try
        {
            await foreach (var _ in storage.GetBlobContainerClient(container).GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }))
            {
                count++;
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // The host creates the containers as it starts.
        }

        return count;
    }

    private static async Task<(int Count, DateTimeOffset? Edge)> CreatedAsync(BlobServiceClient storage, string container, string? prefix, bool first)
    {
        var count = 0;
        DateTimeOffset? edge = null;
        await foreach (var blob in storage.GetBlobContainerClient(container).GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }))
        {
            count++;
            if (blob.Properties.CreatedOn is { } created && (edge is null || (first ? created < edge : created > edge)))
            {
                edge = created;
            }
        }

        return (count, edge);
    }

    /// <summary>What Azure AI Language would bill per article (only paragraphs of on-topic statements are sent), and the
    /// naive figure (every article whole), over every analysis, or an even sample of 2,000 for larger runs.</summary>
    private static async Task<(double Metered, double Whole)> TextRecordsAsync(BlobServiceClient storage)
    {
        var analyses = storage.GetBlobContainerClient(PipelineNames.AnalysesContainer);
        var articles = storage.GetBlobContainerClient(PipelineNames.ArticlesContainer);
        var names = new List<string>();
        await foreach (var blob in analyses.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        var step = Math.Max(1, names.Count / 2000);
        var sample = names.Where((_, i) => i % step == 0).ToList();
        var threshold = new AnalysisOptions().Threshold;
        long metered = 0, whole = 0;
        await Parallel.ForEachAsync(sample, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (name, ct) =>
        {
            var analysis = (await analyses.GetBlobClient(name).DownloadContentAsync(ct)).Value.Content.ToObjectFromJson<ArticleAnalysis>(AlertsJson.Options);
            var article = (await articles.GetBlobClient(name).DownloadContentAsync(ct)).Value.Content.ToObjectFromJson<Article>(AlertsJson.Options);
            Interlocked.Add(ref metered, ArticleAnalyzer.MeteredTextRecords(article!.Text, analysis!.Statements.Where(s => s.IsOnTopic(threshold))));
            Interlocked.Add(ref whole, ArticleAnalyzer.WholeArticleTextRecords(article.Text));
        });
        return sample.Count == 0 ? (0, 0) : ((double)metered / sample.Count, (double)whole / sample.Count);
    }

    /// <summary>VmHWM, the peak resident set, from /proc (Linux).</summary>
    private static long PeakRss(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
