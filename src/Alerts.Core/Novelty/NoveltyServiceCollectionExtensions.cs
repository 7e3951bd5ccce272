using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Novelty;

public static class NoveltyServiceCollectionExtensions
{
    /// <summary>The novelty stage: options from "Novelty" (validated at start-up), the statement index (blob storage
    /// shared by all instances, or in memory for replay) and <see cref="NoveltyCheck"/>. Needs analysis registered
    /// (for what is on topic) and, for the blob index, storage.</summary>
    public static IServiceCollection AddAlertsNovelty(this IServiceCollection services, IConfiguration configuration, bool inMemory = false)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<NoveltyOptions>()
            .Bind(configuration.GetSection(NoveltyOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NoveltyOptions>, NoveltyOptionsValidator>());
        if (inMemory)
        {
            services.AddSingleton<IStatementIndex, InMemoryStatementIndex>();
        }
        else
        {
            services.AddSingleton<IStatementIndex, BlobStatementIndex>();
        }

        services.AddSingleton<NoveltyCheck>();
        return services;
    }
}
