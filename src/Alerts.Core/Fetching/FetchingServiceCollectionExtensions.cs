using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Fetching;

public static class FetchingServiceCollectionExtensions
{
    /// <summary>The FetchArticles stage: options from "Fetch" (validated at start-up), the guarded HTTP client, feed
    /// parsing, page extraction, per-source state and the step. Needs storage registered.</summary>
    public static IServiceCollection AddAlertsFetching(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<FetchOptions>().Bind(configuration.GetSection(FetchOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
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
}
