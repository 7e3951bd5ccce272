using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Recovery;

public static class RecoveryServiceCollectionExtensions
{
    /// <summary>The quarantine the blob-triggered steps run through, and the reconciler. Needs storage, the analysis step and delivery registered.</summary>
    public static IServiceCollection AddAlertsRecovery(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ReconcileOptions>().BindConfiguration(ReconcileOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReconcileOptions>, ReconcileOptionsValidator>();
        services.AddOptions<PoisonOptions>().BindConfiguration(PoisonOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BlobQuarantine>();
        services.AddSingleton<BlobSteps>();
        services.AddSingleton<Reconciler>();
        return services;
    }
}
