using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Alerts.Storage;
using Azure.Storage.Blobs;

namespace Alerts.Tests.Infrastructure;

/// <summary>
/// Azurite (in memory, on free ports) for the tests of one collection; the process is killed on dispose. It comes from
/// the repository's node_modules: run <c>npm ci</c> in the repository root once.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? process;

    public string ConnectionString { get; private set; } = "";

    public BlobServiceClient Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot();
        var azurite = Path.Combine(root, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite not found at {azurite}. Run `npm ci` in {root} once to install it.");
        }

        var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
        var start = new ProcessStartInfo(azurite)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--silent", "--skipApiVersionCheck", "--loose", "--inMemoryPersistence",
            "--blobHost", "127.0.0.1", "--blobPort", $"{blob}", "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{table}"])
        {
            start.ArgumentList.Add(argument);
        }
        process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await WaitForPortAsync(blob, TimeSpan.FromSeconds(30));
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            $"AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
        Service = StorageClientFactory.Create(ConnectionString);
        foreach (var container in PipelineNames.Containers)
        {
            await Service.GetBlobContainerClient(container).CreateIfNotExistsAsync();
        }
    }

    public Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        process?.Dispose();
        return Task.CompletedTask;
    }

    private async Task WaitForPortAsync(int port, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening on port {port}.");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new InvalidOperationException($"Azurite did not listen on port {port} within {timeout}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Alerts.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Cannot find the repository root (Alerts.sln) above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
