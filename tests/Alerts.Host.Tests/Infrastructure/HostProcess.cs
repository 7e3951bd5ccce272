using System.Diagnostics;
using System.Text.Json;

namespace Alerts.Tests.Infrastructure;

/// <summary>The local host as the operator runs it (<c>dotnet Alerts.Host.dll run --settings FILE</c>), as a child
/// process a test can SIGKILL at any moment and start again, reading its console log as it goes.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];
    private readonly object gate = new();
    private int disposed;

    private HostProcess(Process process) => this.process = process;

    /// <summary>The host as built with the tests (./test.sh builds the solution), in the same configuration: the copy in
    /// the test's own bin runs on the test's dependency list, which is not the host's.</summary>
    public static string HostDll { get; } = Path.Combine(
        RepoPaths.Root, "src", "Alerts.Host", "bin", new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name, "net10.0", "Alerts.Host.dll");

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The console lines so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (gate)
            {
                return [.. lines];
            }
        }
    }

    /// <summary>Writes <paramref name="values"/> as a local.settings.json (A__B names) for <see cref="Start"/>.</summary>
    public static string WriteSettings(string path, IReadOnlyDictionary<string, string> values)
    {
        File.WriteAllText(path, JsonSerializer.Serialize(new { IsEncrypted = false, Values = values }));
        return path;
    }

    public static HostProcess Start(string settingsFile)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in new[] { HostDll, "run", "--settings", settingsFile })
        {
            info.ArgumentList.Add(argument);
        }

        // The child reads its settings from the file only, not from a test's environment.
        info.Environment.Remove("AzureWebJobsStorage");
        var host = new HostProcess(Process.Start(info) ?? throw new InvalidOperationException("Could not start the host."));
        host.process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host.process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits for the <paramref name="occurrence"/>-th console line that <paramref name="match"/> accepts;
    /// returns its index, or -1 if the host exited or the timeout passed first.</summary>
    public async Task<int> WaitForLineAsync(Func<string, bool> match, int occurrence, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            var snapshot = Lines;
            var seen = 0;
            for (var i = 0; i < snapshot.Count; i++)
            {
                if (match(snapshot[i]) && ++seen == occurrence)
                {
                    return i;
                }
            }

            if (process.HasExited)
            {
                return -1;
            }

            await Task.Delay(10);
        }

        return -1;
    }

    /// <summary>SIGKILL: no shutdown code runs, whatever the host was doing stops mid-way.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await KillAsync();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            lines.Add(line);
        }
    }
}
