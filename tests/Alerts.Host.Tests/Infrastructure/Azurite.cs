namespace Alerts.Tests.Infrastructure;

/// <summary>Azurite on free ports with in-memory persistence: every fixture starts from empty storage.</summary>
internal sealed class Azurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly LocalProcess process;

    private Azurite(LocalProcess process, string connectionString)
    {
        this.process = process;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<Azurite> StartAsync()
    {
        int blob = LocalProcess.FreePort(), queue = LocalProcess.FreePort(), table = LocalProcess.FreePort();
        var process = await LocalProcess.StartAsync(
            RepoPaths.NodeTool("azurite"),
            ["--silent", "--skipApiVersionCheck", "--loose", "--inMemoryPersistence",
             "--blobHost", "127.0.0.1", "--blobPort", $"{blob}",
             "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
             "--tableHost", "127.0.0.1", "--tablePort", $"{table}"],
            blob,
            "azurite");
        return new Azurite(
            process,
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;");
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
