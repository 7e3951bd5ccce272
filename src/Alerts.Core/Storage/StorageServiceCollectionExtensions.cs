using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The blob client from the storage connection setting, the document store over it, and the clock every
    /// stage shares. BlobCreated is raised by nobody unless a host registers its own <see cref="IBlobEvents"/>.</summary>
    public static IServiceCollection AddAlertsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => StorageClientFactory.Create(configuration[PipelineNames.StorageConnection]));
        services.TryAddSingleton<IBlobEvents, NoBlobEvents>();
        services.AddSingleton<BlobDocumentStore>();
        return services;
    }
}
