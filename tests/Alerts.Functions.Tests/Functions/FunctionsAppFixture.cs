using Alerts.Functions;
using Alerts.Host;
using Alerts.Storage;
using Alerts.Tests.Infrastructure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Tests.Functions;

/// <summary>The Azure app's services (AddAlertsFunctions, as Program.cs registers them) over Azurite and maildev, with
/// local.settings.sample.json as its settings: the function classes are then called directly, as the worker would.</summary>
internal sealed class FunctionsApp : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private FunctionsApp(ServiceProvider services, BlobServiceClient storage)
    {
        this.services = services;
        Storage = storage;
    }

    public BlobServiceClient Storage { get; }

    public BlobDocumentStore Store => services.GetRequiredService<BlobDocumentStore>();

    public static async Task<FunctionsApp> StartAsync(Azurite azurite, MailDev mail, IDictionary<string, string?>? extraSettings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddLocalSettings(Path.Combine(RepoPaths.Root, "local.settings.sample.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [PipelineNames.StorageConnection] = azurite.ConnectionString,
                ["Smtp:Port"] = $"{mail.SmtpPort}",
            })
            .AddInMemoryCollection(extraSettings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddAlertsFunctions(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var app = new FunctionsApp(services, new BlobServiceClient(azurite.ConnectionString));
        await app.Store.EnsureContainersAsync(CancellationToken.None);
        return app;
    }

    /// <summary>A function class built by the container, as the worker builds it for each invocation.</summary>
    public T Function<T>() where T : class => ActivatorUtilities.CreateInstance<T>(services);

    /// <summary>The blob as a trigger would hand it over: a fresh stream per delivery.</summary>
    public async Task<Stream> OpenAsync(string container, string name)
        => await Storage.GetBlobContainerClient(container).GetBlobClient(name).OpenReadAsync();

    public async Task<IReadOnlyList<(string Name, string ETag)>> BlobsAsync(string container, string? prefix = null)
    {
        var blobs = new List<(string, string)>();
        await foreach (var blob in Storage.GetBlobContainerClient(container).GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }))
        {
            blobs.Add((blob.Name, blob.Properties.ETag.ToString()!));
        }

        return blobs;
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
