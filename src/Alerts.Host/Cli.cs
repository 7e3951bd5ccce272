using System.Globalization;
using Alerts.Replay;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Alerts.Host;

/// <summary>The local command line: <c>run</c> hosts the functions, <c>replay</c> runs the pipeline over files.</summary>
public static class Cli
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;

    private const string Usage = """
        Usage:
          Alerts.Host run [--settings FILE] [--until-idle] [--idle-timeout SECONDS]
              Hosts FetchArticles, AnalyzeArticle and NotifySubscribers. With --until-idle it stops once the first
              fetch's articles are analysed and their alerts delivered, and prints the alerts.
          Alerts.Host replay DIR --out FILE [--explain] [--settings FILE]
              Runs analysis, novelty and alert composition over the .txt/.html/.json files in DIR, in file-name order,
              without storage or network, and writes the alerts as JSON Lines to FILE. With --explain each alert
              carries the known statements it was compared with and their scores, and each repeat is printed with
              the known statement it matched.
        Settings come from local.settings.json (Values) or --settings FILE, then environment variables (A__B for A:B).
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var (command, positional, flags) = Parse(args);
            return command switch
            {
                "run" when positional.Count == 0 => await RunHostAsync(flags, output),
                "replay" when positional.Count == 1 && flags.ContainsKey("--out") => await ReplayAsync(positional[0], flags, output, error),
                "help" or "--help" or "-h" => PrintUsage(output, Ok),
                _ => PrintUsage(error, BadUsage),
            };
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync(e.Message);
            return PrintUsage(error, BadUsage);
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync("Configuration error:");
            foreach (var failure in e.Failures)
            {
                await error.WriteLineAsync($"  {failure}");
            }

            return BadUsage;
        }
        catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return BadUsage;
        }
        catch (InvalidOperationException e) when (e.Message.Contains("Setting", StringComparison.Ordinal) || e.Message.Contains(".json", StringComparison.Ordinal))
        {
            await error.WriteLineAsync($"Configuration error: {e.Message}");
            return BadUsage;
        }
    }

    private static async Task<int> RunHostAsync(Dictionary<string, string?> flags, TextWriter output)
    {
        var untilIdle = flags.ContainsKey("--until-idle");
        var timeout = TimeSpan.FromSeconds(flags.TryGetValue("--idle-timeout", out var t) && t is not null
            ? double.Parse(t, CultureInfo.InvariantCulture)
            : 300);
        var builder = AlertsHost.CreateBuilder(SettingsPath(flags));
        if (untilIdle)
        {
            builder.ConfigureServices(s => s.AddSingleton(new IdleShutdownSettings(TimeSpan.FromSeconds(3), timeout)).AddHostedService<IdleShutdown>());
        }

        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.WhenCancelled();
        if (untilIdle)
        {
            AlertPrinter.Print(host.Services.GetRequiredService<PipelineActivity>().AlertsSent, output);
        }

        await StopAsync(host);
        return Environment.ExitCode;
    }

    /// <summary>Stops the job host within a bounded time. WebJobs 3.0.48 stops the shared blob queue listener once per
    /// blob function and throws "The timer has already been stopped" on the second; by then everything is stopped.</summary>
    private static async Task StopAsync(IHost host)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await host.StopAsync(timeout.Token).WaitAsync(TimeSpan.FromSeconds(15));
            host.Dispose();
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            // Known teardown faults of the trigger engine; nothing is left running that matters to the caller.
        }
    }

    private static async Task<int> ReplayAsync(string directory, Dictionary<string, string?> flags, TextWriter output, TextWriter error)
    {
        var outputFile = flags["--out"] ?? throw new UsageException("--out needs a file name.");
        var configuration = new ConfigurationBuilder();
        if (SettingsPath(flags) is { } settings)
        {
            configuration.AddLocalSettings(settings);
        }

        configuration.AddEnvironmentVariables();
        var config = configuration.Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(config)
            .AddAlertsReplay(config);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var runner = provider.GetRequiredService<ReplayRunner>();
        await using var writer = new StreamWriter(outputFile, append: false, new System.Text.UTF8Encoding(false));
        var explain = flags.ContainsKey("--explain");
        var result = await runner.RunAsync(directory, writer, explain, CancellationToken.None, explain ? output : null);
        foreach (var rejected in result.Rejected)
        {
            await error.WriteLineAsync($"skipped {rejected}");
        }

        await output.WriteLineAsync($"Replayed {result.Articles} articles: {result.Statements} statements, {result.Alerts} alerts written to {outputFile}");
        return Ok;
    }

    private static string? SettingsPath(Dictionary<string, string?> flags)
    {
        if (flags.TryGetValue("--settings", out var path))
        {
            return File.Exists(path) ? path : throw new UsageException($"Settings file '{path}' does not exist.");
        }

        return File.Exists(LocalSettings.FileName) ? LocalSettings.FileName : null;
    }

    private static (string Command, List<string> Positional, Dictionary<string, string?> Flags) Parse(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "run";
        var positional = new List<string>();
        var flags = new Dictionary<string, string?>(StringComparer.Ordinal);
        var valued = new HashSet<string>(StringComparer.Ordinal) { "--out", "--settings", "--idle-timeout" };
        for (var i = command == "run" && (args.Length == 0 || args[0] != "run") ? 0 : 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(args[i]);
            }
            else if (valued.Contains(args[i]))
            {
                flags[args[i]] = i + 1 < args.Length ? args[++i] : throw new UsageException($"{args[i]} needs a value.");
            }
            else if (args[i] is "--until-idle" or "--explain" or "--help")
            {
                flags[args[i]] = null;
            }
            else
            {
                throw new UsageException($"Unknown option {args[i]}.");
            }
        }

        return (flags.ContainsKey("--help") ? "help" : command, positional, flags);
    }

    private static int PrintUsage(TextWriter writer, int exitCode)
    {
        writer.WriteLine(Usage);
        return exitCode;
    }

    private sealed class UsageException(string message) : Exception(message);
}

internal static class CancellationTokenExtensions
{
    public static Task WhenCancelled(this CancellationToken token)
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => completion.TrySetResult());
        return completion.Task;
    }
}
