using Alerts.Analysis;
using Alerts.Delivery;
using Alerts.Fetching;
using Alerts.Novelty;
using Alerts.Recovery;
using Alerts.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>The stages in the order an article passes through them, over the storage they share. Both hosts and
    /// the command line register the pipeline with this one list.</summary>
    public static IServiceCollection AddAlertsPipeline(this IServiceCollection services, IConfiguration configuration)
        => services
            .AddAlertsStorage(configuration)
            .AddAlertsFetching(configuration)
            .AddAlertsAnalysis(configuration)
            .AddAlertsNovelty(configuration)
            .AddAlertsDelivery(configuration)
            .AddAlertsRecovery(configuration);
}
