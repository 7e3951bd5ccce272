using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Recovery;

public static class RecoveryServiceCollectionExtensions
{
    /// <summary>The quarantine the blob-triggered steps run through, and the reconciler. Needs storage, analysis and delivery registered.</summary>
    public static IServiceCollection AddAlertsRecovery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ReconcileOptions>().Bind(configuration.GetSection(ReconcileOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReconcileOptions>, ReconcileOptionsValidator>();
        services.AddOptions<PoisonOptions>().Bind(configuration.GetSection(PoisonOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BlobQuarantine>();
        services.AddSingleton<BlobSteps>();
        services.AddSingleton<Reconciler>();
        return services;
    }
}
