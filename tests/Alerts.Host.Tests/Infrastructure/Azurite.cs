namespace Alerts.Tests.Infrastructure;

/// <summary>Azurite on free ports. In memory by default, so every fixture starts from empty storage; on a data folder
/// when a test must stop storage and bring it back with what it held (the storage outage of the fault matrix).</summary>
internal sealed class Azurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly int blob;
    private readonly int queue;
    private readonly int table;
    private readonly string? location;
    private LocalProcess? process;

    private Azurite(int blob, int queue, int table, string? location)
    {
        this.blob = blob;
        this.queue = queue;
        this.table = table;
        this.location = location;
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    /// <param name="location">A data folder to keep storage in across <see cref="StopAsync"/> and <see cref="StartAgainAsync"/>; null for memory.</param>
    public static async Task<Azurite> StartAsync(string? location = null)
    {
        var azurite = new Azurite(LocalProcess.FreePort(), LocalProcess.FreePort(), LocalProcess.FreePort(), location);
        await azurite.StartAgainAsync();
        return azurite;
    }

    /// <summary>Storage goes away: the process stops, its ports refuse connections. SIGTERM, not SIGKILL: Azurite keeps
    /// its data in memory and writes the folder on the way out, so a killed Azurite comes back without its blobs.</summary>
    public async Task StopAsync()
    {
        if (process is not null)
        {
            await process.TerminateAsync(TimeSpan.FromSeconds(15));
            await process.DisposeAsync();
            process = null;
        }
    }

    /// <summary>Storage comes back on the same ports (and, with a data folder, with the same contents).</summary>
    public async Task StartAgainAsync()
    {
        string[] persistence = location is null ? ["--inMemoryPersistence"] : ["--location", location];
        process = await LocalProcess.StartAsync(
            RepoPaths.NodeTool("azurite"),
            ["--silent", "--skipApiVersionCheck", "--loose", .. persistence,
             "--blobHost", "127.0.0.1", "--blobPort", $"{blob}",
             "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
             "--tableHost", "127.0.0.1", "--tablePort", $"{table}"],
            blob,
            "azurite");
    }

    public ValueTask DisposeAsync() => process?.DisposeAsync() ?? ValueTask.CompletedTask;
}
