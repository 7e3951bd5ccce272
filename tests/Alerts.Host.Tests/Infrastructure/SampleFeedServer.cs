namespace Alerts.Tests.Infrastructure;

/// <summary>The bundled samples served on 127.0.0.1 by the same script ./run.sh uses.</summary>
internal sealed class SampleFeedServer : IAsyncDisposable
{
    private readonly LocalProcess process;

    private SampleFeedServer(LocalProcess process, int port)
    {
        this.process = process;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }

    public static async Task<SampleFeedServer> StartAsync()
    {
        var port = LocalProcess.FreePort();
        var process = await LocalProcess.StartAsync(
            "node", [Path.Combine(RepoPaths.Root, "scripts", "serve-samples.mjs"), $"{port}", RepoPaths.Samples], port, "sample feed server");
        return new SampleFeedServer(process, port);
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
