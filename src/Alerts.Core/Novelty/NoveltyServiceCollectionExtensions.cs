using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Novelty;

public static class NoveltyServiceCollectionExtensions
{
    /// <summary>The novelty stage: options from "Novelty" (validated at start-up), the statement index (blob storage
    /// shared by all instances, or in memory for replay) and <see cref="NoveltyCheck"/>.</summary>
    public static IServiceCollection AddNoveltyStage(this IServiceCollection services, bool inMemory)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<NoveltyOptions>()
            .Configure<IServiceProvider>((options, provider) =>
                provider.GetService<IConfiguration>()?.GetSection(NoveltyOptions.Section).Bind(options))
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
