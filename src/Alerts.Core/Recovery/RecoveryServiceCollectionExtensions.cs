using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Recovery;

public static class RecoveryServiceCollectionExtensions
{
    /// <summary>The reconciler and what it runs. Needs storage, the analysis step and delivery registered.</summary>
    public static IServiceCollection AddAlertsRecovery(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ReconcileOptions>().BindConfiguration(ReconcileOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReconcileOptions>, ReconcileOptionsValidator>();
        services.AddSingleton<BlobSteps>();
        services.AddSingleton<Reconciler>();
        return services;
    }
}
