using Alerts.Host;
using Alerts.Pipeline;
using Alerts.Storage;
using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Timers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alerts.Tests.Infrastructure;

/// <summary>The real local host (WebJobs SDK) against Azurite, maildev and the sample feed server.</summary>
internal sealed class PipelineHarness : IAsyncDisposable
{
    private readonly IHost host;

    private PipelineHarness(IHost host, BlobServiceClient storage)
    {
        this.host = host;
        Storage = storage;
    }

    public BlobServiceClient Storage { get; }

    public IServiceProvider Services => host.Services;

    public static async Task<PipelineHarness> StartAsync(
        Azurite azurite, MailDev mail, string feedBaseUrl, IDictionary<string, string?>? extraSettings = null, ILoggerProvider? logs = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [PipelineNames.StorageConnection] = azurite.ConnectionString,
            ["Fetch:Schedule"] = "0 0 0 1 1 *",
            ["Fetch:Sources:0:Name"] = "Gulf Coast Wire",
            ["Fetch:Sources:0:Url"] = $"{feedBaseUrl}/feeds/gulf-coast-wire.xml",
            ["Fetch:Sources:1:Name"] = "Frontera Daily",
            ["Fetch:Sources:1:Url"] = $"{feedBaseUrl}/feeds/frontera-daily.atom",
            // The sample feed server and any test server listen on 127.0.0.1, which the address guard refuses otherwise.
            ["Fetch:AllowedPrivateHosts:0"] = "127.0.0.1",
            ["Teams:AllowLoopbackWebhooks"] = "true",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = $"{mail.SmtpPort}",
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = "alerts@alerts.test",
            ["Notify:SubscriptionsFile"] = Path.Combine(RepoPaths.Samples, "subscriptions.json"),
            ["Notify:RedriveSchedule"] = "0 */1 * * * *",
            ["Notify:DigestSchedule"] = "0 */5 * * * *",
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = AlertsHost.CreateBuilder(settingsPath: null, config => config.AddInMemoryCollection(settings));
        if (logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }

        var host = builder.Build();
        await host.StartAsync();
        return new PipelineHarness(host, new BlobServiceClient(azurite.ConnectionString));
    }

    /// <summary>Runs FetchArticles as its timer would.</summary>
    public Task RunFetchAsync() => host.Services.GetRequiredService<IJobHost>().CallAsync(
        FunctionNames.FetchArticles,
        new Dictionary<string, object?> { ["timer"] = new TimerInfo(new ConstantSchedule(TimeSpan.FromMinutes(5)), new ScheduleStatus()) });

    public async Task<IReadOnlyList<string>> BlobNamesAsync(string container, string? prefix = null)
    {
        var names = new List<string>();
        await foreach (var blob in Storage.GetBlobContainerClient(container).GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    /// <summary>Waits until every stored article is analysed and every analysis notified.</summary>
    public async Task WaitUntilDeliveredAsync(int expectedArticles, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var articles = (await BlobNamesAsync(PipelineNames.ArticlesContainer)).Count;
            var analyses = (await BlobNamesAsync(PipelineNames.AnalysesContainer)).Count;
            var notified = (await BlobNamesAsync(PipelineNames.DeliveriesContainer, "analyses/")).Count;
            if (articles >= expectedArticles && articles == analyses && analyses == notified)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The pipeline did not deliver {expectedArticles} articles within {timeout}.");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await host.StopAsync(timeout.Token);
            host.Dispose();
        }
        catch (InvalidOperationException)
        {
            // WebJobs 3.0.48 stops its shared blob queue listener twice and throws on the second; see Cli.StopAsync.
        }
    }
}
