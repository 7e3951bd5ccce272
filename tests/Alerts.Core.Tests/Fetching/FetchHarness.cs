using Alerts.Articles;
using Alerts.Fetching;
using Alerts.Storage;
using Alerts.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alerts.Tests.Fetching;

/// <summary>The fetch stage as the hosts wire it (AddAlertsStorage + AddAlertsFetching), over given settings.</summary>
internal sealed class FetchHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private FetchHarness(ServiceProvider services, CapturingLoggerProvider logs, RecordingBlobEvents events, RecordingNetwork network)
    {
        this.services = services;
        Logs = logs;
        Events = events;
        Network = network;
    }

    /// <summary>What the fetcher resolved and connected to; only loopback is really reached.</summary>
    public RecordingNetwork Network { get; }

    public RecordingBlobEvents Events { get; }

    public CapturingLoggerProvider Logs { get; }

    public FetchArticlesStep Step => services.GetRequiredService<FetchArticlesStep>();

    public FeedDownloader Downloader => services.GetRequiredService<FeedDownloader>();

    public BlobDocumentStore Store => services.GetRequiredService<BlobDocumentStore>();

    /// <summary>Fast retries and short timeouts, so failure tests stay quick, and 127.0.0.1 (the test servers) allowed
    /// past the address guard; <paramref name="settings"/> override them.</summary>
    public static FetchHarness Create(
        string? storageConnection, IDictionary<string, string?> settings, TimeProvider? time = null, RecordingNetwork? network = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [PipelineNames.StorageConnection] = storageConnection,
            ["Fetch:RequestTimeout"] = "00:00:05",
            ["Fetch:SourceTimeout"] = "00:00:30",
            ["Fetch:MaxRetries"] = "2",
            ["Fetch:RetryDelay"] = "00:00:00.010",
            ["Fetch:AllowedPrivateHosts:0"] = "127.0.0.1",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }
        if (!values.Keys.Any(k => k.StartsWith("Fetch:Sources:", StringComparison.OrdinalIgnoreCase)))
        {
            values["Fetch:Sources:0:Name"] = "unused";
            values["Fetch:Sources:0:Url"] = "http://127.0.0.1:9/unused";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var logs = new CapturingLoggerProvider();
        var events = new RecordingBlobEvents();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton<IBlobEvents>(events);
        network ??= new RecordingNetwork();
        services.AddSingleton<IFetchNetwork>(network);
        services.AddAlertsStorage(configuration);
        services.AddAlertsFetching(configuration);
        return new FetchHarness(services.BuildServiceProvider(), logs, events, network);
    }

    public static Dictionary<string, string?> Sources(params (string Name, Uri Url)[] sources)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < sources.Length; i++)
        {
            settings[$"Fetch:Sources:{i}:Name"] = sources[i].Name;
            settings[$"Fetch:Sources:{i}:Url"] = sources[i].Url.AbsoluteUri;
        }
        return settings;
    }

    public Task<FetchReport> RunAsync() => Step.RunAsync(CancellationToken.None);

    public async Task<Article?> ArticleAtAsync(Uri url)
    {
        var stored = await Store.ReadAsync<Article>(PipelineNames.ArticlesContainer, CanonicalUrl.BlobName(CanonicalUrl.Normalize(url)), CancellationToken.None);
        return stored?.Document;
    }

    public async Task<List<Article>> ArticlesFromAsync(Uri server)
    {
        var articles = new List<Article>();
        await foreach (var name in Store.ListNamesAsync(PipelineNames.ArticlesContainer, null, CancellationToken.None))
        {
            if (await Store.ReadAsync<Article>(PipelineNames.ArticlesContainer, name, CancellationToken.None) is { } stored
                && stored.Document.Url.StartsWith(server.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal))
            {
                articles.Add(stored.Document);
            }
        }
        return articles;
    }

    public async ValueTask DisposeAsync() => await services.DisposeAsync();
}

/// <summary>The BlobCreated events the store raised: each one would start AnalyzeArticle.</summary>
internal sealed class RecordingBlobEvents : IBlobEvents
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> created = new();

    public IReadOnlyCollection<string> Created => created;

    public Task BlobCreatedAsync(string container, string name, string etag, CancellationToken cancellationToken)
    {
        created.Enqueue($"{container}/{name}");
        return Task.CompletedTask;
    }
}
