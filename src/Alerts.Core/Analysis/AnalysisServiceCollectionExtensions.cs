using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Analysis;

public static class AnalysisServiceCollectionExtensions
{
    /// <summary>The AnalyzeArticle stage: options from "Analysis", the text analyzer it names (offline or Azure AI
    /// Language), statement extraction, topic scoring and the step (which needs storage registered).</summary>
    public static IServiceCollection AddAlertsAnalysis(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AnalysisOptions>()
            .Bind(configuration.GetSection(AnalysisOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnalysisOptions>, AnalysisOptionsValidator>());
        services.AddHttpClient(AzureLanguageTextAnalyzer.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        // Entra ID for Azure AI Language when no key is set: on Azure the managed identity named by AZURE_CLIENT_ID.
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.AddSingleton<ITextAnalyzer>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AnalysisOptions>>();
            if (options.Value.Analyzer != AnalysisOptions.AzureLanguage)
            {
                return new OfflineTextAnalyzer();
            }

            return new AzureLanguageTextAnalyzer(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(AzureLanguageTextAnalyzer.HttpClientName),
                options,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<AzureLanguageTextAnalyzer>>(),
                string.IsNullOrEmpty(options.Value.Language.Key) ? sp.GetRequiredService<TokenCredential>() : null);
        });
        services.AddSingleton<OnTopicRule>();
        services.AddSingleton<StatementExtractor>();
        services.AddSingleton(sp => new TopicScorer(
            sp.GetRequiredService<IOptions<AnalysisOptions>>().Value.Topic?.WithDefaults(TopicProfile.UsMexicoMilitaryAction)
                ?? TopicProfile.UsMexicoMilitaryAction));
        services.AddSingleton<ArticleAnalyzer>();
        services.AddSingleton<AnalyzeArticleStep>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
