using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Analysis;

public static class AnalysisServiceCollectionExtensions
{
    /// <summary>The AnalyzeArticle stage: options from "Analysis", the offline text analyzer, statement extraction and
    /// topic scoring.</summary>
    public static IServiceCollection AddAlertsAnalysis(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AnalysisOptions>()
            .Bind(configuration.GetSection(AnalysisOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ITextAnalyzer, OfflineTextAnalyzer>();
        services.AddSingleton<StatementExtractor>();
        services.AddSingleton(sp => new TopicScorer(
            sp.GetRequiredService<IOptions<AnalysisOptions>>().Value.Topic ?? TopicProfile.UsMexicoMilitaryAction));
        services.AddSingleton<ArticleAnalyzer>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
