using Alerts.Analysis;
using Alerts.Fetching;
using Alerts.Novelty;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Replay;

public static class ReplayServiceCollectionExtensions
{
    /// <summary>Replay: analysis and novelty over files, with an in-memory statement index and no network.</summary>
    public static IServiceCollection AddAlertsReplay(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging();
        services.AddAlertsAnalysis(configuration);
        // Replay reads files: the step that reads stored articles has no storage to run on here.
        services.RemoveAll<AnalyzeArticleStep>();
        services.AddAlertsNovelty(configuration, inMemory: true);
        services.AddSingleton<HtmlArticleExtractor>();
        services.AddSingleton<ArticleFileReader>();
        services.AddSingleton<ReplayRunner>();
        return services;
    }
}
