using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Alerts.Tests.Infrastructure;

/// <summary>A local service (Azurite, maildev, the sample feed server) started for a test run and killed after it.</summary>
internal sealed class LocalProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private int disposed;

    private LocalProcess(Process process)
    {
        this.process = process;
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<LocalProcess> StartAsync(string fileName, IEnumerable<string> arguments, int readyPort, string name)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var started = new LocalProcess(Process.Start(info) ?? throw new InvalidOperationException($"Could not start {name}."));
        started.process.OutputDataReceived += (_, e) => started.Append(e.Data);
        started.process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        started.process.BeginOutputReadLine();
        started.process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (started.process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {started.process.ExitCode}: {started.Output}");
            }

            if (await IsListeningAsync(readyPort))
            {
                return started;
            }

            await Task.Delay(100);
        }

        await started.DisposeAsync();
        throw new TimeoutException($"{name} did not listen on 127.0.0.1:{readyPort} within 60 s: {started.Output}");
    }

    /// <summary>SIGTERM, then waits for the process to exit by itself (Azurite saves its data folder on the way out).</summary>
    public async Task TerminateAsync(TimeSpan timeout)
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", $"{process.Id}"]))
        {
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            // DisposeAsync kills it.
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        // Idempotent: a benchmark also disposes from its ProcessExit hook, after [GlobalCleanup] may have done it.
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static async Task<bool> IsListeningAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
