using Alerts.Analysis;
using Alerts.Delivery;
using Alerts.Fetching;
using Alerts.Novelty;
using Alerts.Replay;
using Alerts.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts;

/// <summary>One registration per pipeline stage; a host lists the stages it runs.</summary>
public static class PipelineServiceCollectionExtensions
{
    public static IServiceCollection AddAlertsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => StorageClientFactory.Create(configuration[PipelineNames.StorageConnection]));
        services.TryAddSingleton<IBlobEvents, NoBlobEvents>();
        services.AddSingleton<BlobDocumentStore>();
        services.AddSingleton<PipelineActivity>();
        return services;
    }

    public static IServiceCollection AddAlertsFetching(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<FetchOptions>().BindConfiguration(FetchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<FetchOptions>, FetchOptionsValidator>();
        services.AddHttpClient(FeedDownloader.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // Redirects are followed by FeedDownloader, which checks each hop; the resilience pipeline times requests.
                AllowAutoRedirect = false,
                // Every connection is vetted and made by the guard; a proxy would hide the real target from it.
                ConnectCallback = sp.GetRequiredService<AddressGuard>().ConnectAsync,
                UseProxy = false,
                AutomaticDecompression = System.Net.DecompressionMethods.All,
                ConnectTimeout = TimeSpan.FromSeconds(15),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            // The factory's loggers would write full URLs; ours name the source and host only.
            .RemoveAllLoggers();
        services.TryAddSingleton<IFetchNetwork, SystemFetchNetwork>();
        services.AddSingleton<AddressGuard>();
        services.AddSingleton<SourceResilience>();
        services.AddSingleton<FeedDownloader>();
        services.AddSingleton<SourceStateStore>();
        services.AddSingleton<SyndicationIndex>();
        services.AddSingleton<FeedParser>();
        services.AddSingleton<HtmlArticleExtractor>();
        services.AddSingleton<FetchArticlesStep>();
        return services;
    }

    public static IServiceCollection AddAlertsAnalysisStep(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAlertsAnalysis(configuration);
        services.AddSingleton<AnalyzeArticleStep>();
        return services;
    }

    public static IServiceCollection AddAlertsNovelty(this IServiceCollection services, bool inMemory)
        => services.AddNoveltyStage(inMemory);

    /// <summary>Replay: analysis and novelty over files, with in-memory stores and no network.</summary>
    public static IServiceCollection AddAlertsReplay(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging();
        services.AddAlertsAnalysis(configuration);
        services.AddAlertsNovelty(inMemory: true);
        services.AddSingleton<HtmlArticleExtractor>();
        services.AddSingleton<ArticleFileReader>();
        services.AddSingleton<ReplayRunner>();
        return services;
    }
}
