using Alerts.Delivery;
using Alerts.Host.Functions;
using Alerts.Pipeline;
using Alerts.Recovery;
using Alerts.Storage;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alerts.Host;

/// <summary>The local function host: the pipeline functions on the Azure WebJobs SDK, the engine Azure Functions is
/// built on, over the same pipeline library the isolated worker uses on Azure.</summary>
public static class AlertsHost
{
    public static readonly Type[] FunctionClasses =
        [
            typeof(FetchArticlesFunction), typeof(AnalyzeArticleFunction), typeof(NotifySubscribersFunction),
            typeof(RedriveDeliveriesFunction), typeof(SendDigestsFunction), typeof(ReconcileFunction),
        ];

    public static IHostBuilder CreateBuilder(string? settingsPath, Action<IConfigurationBuilder>? configure = null)
        => new HostBuilder()
            .UseContentRoot(AppContext.BaseDirectory)
            .ConfigureAppConfiguration(config =>
            {
                // The delivery and reconcile timers' schedules default as their options do, for settings files written before them.
                config.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Notify:RedriveSchedule"] = new NotifyOptions().RedriveSchedule,
                    ["Notify:DigestSchedule"] = new NotifyOptions().DigestSchedule,
                    ["Reconcile:Schedule"] = new ReconcileOptions().Schedule,
                });
                if (settingsPath is not null)
                {
                    config.AddLocalSettings(settingsPath);
                }

                config.AddEnvironmentVariables();
                configure?.Invoke(config);
            })
            .ConfigureLogging((context, logging) =>
            {
                logging.AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.TimestampFormat = "HH:mm:ss ";
                });
                // The trigger engine is chatty; our stages log what an operator needs.
                logging.AddFilter("Microsoft", LogLevel.Warning);
                logging.AddFilter("Azure", LogLevel.Error);
                logging.AddFilter("Host", LogLevel.Warning);
                logging.AddFilter("Function", LogLevel.Warning);
                logging.AddFilter("System.Net.Http", LogLevel.Warning);
                // Logging:LogLevel:… (Logging__LogLevel__Default=Debug) after those defaults, so an operator's setting for
                // a category overrides ours; a bare HostBuilder binds nothing by itself.
                logging.AddConfiguration(context.Configuration.GetSection("Logging"));
            })
            .ConfigureServices((context, services) =>
            {
                // Registered before the job host so the containers exist when the blob listeners start.
                services.AddSingleton(sp =>
                {
                    var eventGrid = ActivatorUtilities.CreateInstance<LocalEventGrid>(sp);
                    eventGrid.RegisterFunctions(FunctionClasses);
                    return eventGrid;
                });
                services.AddSingleton<IBlobEvents>(sp => sp.GetRequiredService<LocalEventGrid>());
#pragma warning disable CS0618 // see LocalEventGrid
                services.AddSingleton<Microsoft.Azure.WebJobs.Host.Config.IWebHookProvider>(sp => sp.GetRequiredService<LocalEventGrid>());
#pragma warning restore CS0618
                services.AddSingleton<PipelineActivity>();
                services.AddSingleton<INotificationEvents>(sp => sp.GetRequiredService<PipelineActivity>());
                services.AddHostedService<StorageInitializer>();
            })
            .ConfigureWebJobs(webJobs =>
            {
                webJobs.AddAzureStorageCoreServices();
                webJobs.AddAzureStorageBlobs();
                webJobs.AddTimers();
            })
            .ConfigureServices((context, services) =>
            {
                services.AddAlertsPipeline(context.Configuration);
                services.AddHostedService<FeedbackEndpoint>();
                services.AddSingleton<ITypeLocator>(new FunctionTypes(FunctionClasses));
                // The SDK runs each timer on one host at a time under a storage lease, which a killed host cannot release:
                // restarted after a crash, the host fetched, redrove and reconciled nothing for one to two minutes. Every
                // step is idempotent (create-once blobs, ETag claims; the two-host fault test holds it), so each local
                // host process takes its own locks and a restart resumes at once.
#pragma warning disable CS0618 // see ProcessLockManager
                services.AddSingleton<IDistributedLockManager, ProcessLockManager>();
#pragma warning restore CS0618
            });

    private sealed class FunctionTypes(params Type[] types) : ITypeLocator
    {
        public IReadOnlyList<Type> GetTypes() => types;
    }

    private sealed class StorageInitializer(BlobDocumentStore store) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => store.EnsureContainersAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
