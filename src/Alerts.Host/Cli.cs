using System.Globalization;
using Alerts.Delivery;
using Alerts.Evaluation;
using Alerts.Pipeline;
using Alerts.Recovery;
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
          Alerts.Host replay DIR --out FILE [--explain] [--gold GOLD.json [--verbose]] [--settings FILE]
              Runs analysis, novelty and alert composition over the .txt/.html/.json files in DIR, in file-name order,
              without storage or network, and writes the alerts as JSON Lines to FILE. With --explain each alert
              carries the known statements it was compared with and their scores, and each repeat is printed with
              the known statement it matched. With --gold the alerts in FILE are scored against gold labels (the
              format of shared/devset/gold.json) and the last line reads "recall R precision P dup D offtopic O
              misattributed M unmatched U alerts N"; --verbose first prints each alert's verdict and the required
              groups missed.
          Alerts.Host deliveries [--failed|--pending|--sent] [--settings FILE]
              Lists the delivery records (newest first): status, subscriber, channel, attempts, and why a delivery failed;
              then how many statements wait for an hourly or daily digest.
          Alerts.Host deliveries retry DELIVERY_ID|--failed [--settings FILE]
              Puts that failed delivery (or every failed one) back to pending with all its attempts; the next
              RedriveDeliveries sends it, with the same Message-ID.
          Alerts.Host send-test SUBSCRIBER_ID [--settings FILE]
              Sends a sample alert through each of that subscriber's channels and prints the outcome per channel.
          Alerts.Host poison list [--settings FILE]
              Lists the blobs whose step failed (poison/): quarantined ones, which no trigger or reconciler runs again,
              and ones still being retried, with their attempts and the last failure's reason.
          Alerts.Host poison retry NAME|--all [--settings FILE]
              Removes the quarantine record of NAME (articles/x.json, analyses/x.json, or x.json when only one record has
              that name) or of every quarantined blob, and runs its step again (an article's analysis is then notified).
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
                "deliveries" when positional.Count == 0 => await DeliveriesAsync(flags, output),
                "deliveries" when positional is ["retry", var id] && !flags.ContainsKey("--failed") => await RetryAsync([id], flags, output, error),
                "deliveries" when positional is ["retry"] && flags.ContainsKey("--failed") => await RetryAsync(null, flags, output, error),
                "send-test" when positional.Count == 1 => await SendTestAsync(positional[0], flags, output, error),
                "poison" when positional is ["list"] => await PoisonListAsync(flags, output),
                "poison" when positional is ["retry", var name] && !flags.ContainsKey("--all") => await PoisonRetryAsync(name, flags, output, error),
                "poison" when positional is ["retry"] && flags.ContainsKey("--all") => await PoisonRetryAsync(null, flags, output, error),
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
        catch (ScoringInputException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
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
        // Read the gold labels first: a bad file should not cost a replay.
        var gold = flags.TryGetValue("--gold", out var goldPath) ? LoadGold(goldPath!) : null;
        if (gold is null && flags.ContainsKey("--verbose"))
        {
            throw new UsageException("--verbose prints the scoring of the alerts: it needs --gold.");
        }

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
        var explain = flags.ContainsKey("--explain");
        ReplayResult result;
        await using (var writer = new StreamWriter(outputFile, append: false, new System.Text.UTF8Encoding(false)))
        {
            result = await runner.RunAsync(directory, writer, explain, CancellationToken.None, explain ? output : null);
        }

        foreach (var rejected in result.Rejected)
        {
            await error.WriteLineAsync($"skipped {rejected}");
        }

        await output.WriteLineAsync($"Replayed {result.Articles} articles: {result.Statements} statements, {result.Alerts} alerts written to {outputFile}");
        if (gold is not null)
        {
            // Scored from the file, as shared/eval/score.py would read it.
            var scorecard = new AlertScorer(gold).Score(AlertLines.Load(outputFile));
            if (flags.ContainsKey("--verbose"))
            {
                foreach (var line in scorecard.VerboseLines())
                {
                    await output.WriteLineAsync(line);
                }
            }

            await output.WriteLineAsync(scorecard.Summary);
        }

        return Ok;
    }

    private static GoldSet LoadGold(string path)
        => File.Exists(path) ? GoldSet.Load(path) : throw new UsageException($"Gold file '{path}' does not exist.");

    private static async Task<int> DeliveriesAsync(Dictionary<string, string?> flags, TextWriter output)
    {
        DeliveryStatus? only = flags.ContainsKey("--failed") ? DeliveryStatus.Failed
            : flags.ContainsKey("--pending") ? DeliveryStatus.Pending
            : flags.ContainsKey("--sent") ? DeliveryStatus.Sent
            : null;
        await using var provider = DeliveryServices(flags);
        var records = new List<DeliveryRecord>();
        await foreach (var record in provider.GetRequiredService<DeliveryLedger>().ListAsync(CancellationToken.None))
        {
            if (only is null || record.Status == only)
            {
                records.Add(record);
            }
        }

        foreach (var record in records.OrderByDescending(r => r.Created))
        {
            var when = record.Status switch
            {
                DeliveryStatus.Sent => $"sent {record.Sent:yyyy-MM-dd HH:mm:ss}",
                DeliveryStatus.Pending => $"next {record.NextAttempt:yyyy-MM-dd HH:mm:ss}",
                _ => $"last {record.LastAttempt:yyyy-MM-dd HH:mm:ss}",
            };
            var what = record.Kind == DeliveryKind.Digest
                ? $"digest of {record.Alerts.Count} ({record.Period})"
                : EmailAlertMessage.Subject(record.Alerts[0]);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{record.Status.ToString().ToLowerInvariant(),-8} {record.Created:yyyy-MM-dd HH:mm:ss}  {record.SubscriberId,-16} {record.Channel,-6} attempts {record.Attempts,-3} {when}  {what}"));
            if (record.LastError is { Length: > 0 } reason && record.Status != DeliveryStatus.Sent)
            {
                await output.WriteLineAsync($"         reason: {reason}");
            }
        }

        var waiting = 0;
        await foreach (var _ in provider.GetRequiredService<Storage.BlobDocumentStore>().ListNamesAsync(Storage.PipelineNames.DeliveriesContainer, DigestSender.Prefix, CancellationToken.None))
        {
            waiting++;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{records.Count} deliveries: {records.Count(r => r.Status == DeliveryStatus.Sent)} sent, {records.Count(r => r.Status == DeliveryStatus.Pending)} pending, {records.Count(r => r.Status == DeliveryStatus.Failed)} failed; {waiting} statement(s) waiting for digests"));
        return Ok;
    }

    /// <summary>Failed is final for the pipeline, not for the operator: once the cause is fixed, the record goes back to
    /// pending with all its attempts.</summary>
    private static async Task<int> RetryAsync(IReadOnlyList<string>? ids, Dictionary<string, string?> flags, TextWriter output, TextWriter error)
    {
        await using var provider = DeliveryServices(flags);
        var ledger = provider.GetRequiredService<DeliveryLedger>();
        if (ids is null)
        {
            var failed = new List<string>();
            await foreach (var record in ledger.ListAsync(CancellationToken.None))
            {
                if (record.Status == DeliveryStatus.Failed)
                {
                    failed.Add(record.Id);
                }
            }

            ids = failed;
        }

        var retried = 0;
        foreach (var id in ids)
        {
            var (record, put) = await ledger.RetryAsync(id, CancellationToken.None);
            if (put)
            {
                retried++;
                await output.WriteLineAsync($"{id}: pending again");
            }
            else
            {
                await error.WriteLineAsync(record is null
                    ? $"{id}: no such delivery record"
                    : $"{id}: not failed ({record.Status.ToString().ToLowerInvariant()}), left as it is");
            }
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{retried} failed deliveries put back to pending; RedriveDeliveries sends them"));
        return retried == ids.Count ? Ok : Failed;
    }

    private static async Task<int> SendTestAsync(string subscriberId, Dictionary<string, string?> flags, TextWriter output, TextWriter error)
    {
        await using var provider = DeliveryServices(flags);
        var results = await provider.GetRequiredService<SendTest>().RunAsync(subscriberId, CancellationToken.None);
        if (results is null)
        {
            await error.WriteLineAsync($"No subscriber '{subscriberId}' in config/subscriptions.json.");
            return BadUsage;
        }

        if (results.Count == 0)
        {
            await error.WriteLineAsync($"Subscriber '{subscriberId}' has no channels.");
            return Failed;
        }

        foreach (var result in results)
        {
            var outcome = result.Outcome.Kind switch
            {
                OutcomeKind.Sent => "sent",
                OutcomeKind.Transient => $"FAILED (transient, would be retried): {result.Outcome.Reason}",
                OutcomeKind.Blocked => $"FAILED (configuration, would wait for the fix): {result.Outcome.Reason}",
                _ => $"FAILED (permanent): {result.Outcome.Reason}",
            };
            // For Teams the address is the setting's name, never the webhook URL.
            await output.WriteLineAsync($"{result.Channel,-6} {result.Address}: {outcome}");
        }

        return results.All(r => r.Outcome.Kind == OutcomeKind.Sent) ? Ok : Failed;
    }

    private static async Task<int> PoisonListAsync(Dictionary<string, string?> flags, TextWriter output)
    {
        await using var provider = PoisonServices(flags);
        await provider.GetRequiredService<Storage.BlobDocumentStore>().EnsureContainersAsync(CancellationToken.None);
        var records = new List<PoisonRecord>();
        await foreach (var record in provider.GetRequiredService<BlobQuarantine>().ListAsync(null, CancellationToken.None))
        {
            records.Add(record);
        }

        if (records.Count > 0)
        {
            await output.WriteLineAsync($"{"STATUS",-11}  {"BLOB",-48} {"FUNCTION",-17} {"ATTEMPTS",-8}  {"LAST FAILED",-19}  REASON");
        }

        foreach (var record in records.OrderByDescending(r => r.IsQuarantined).ThenByDescending(r => r.LastFailed))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{(record.IsQuarantined ? "quarantined" : "retrying"),-11}  {record.Container + "/" + record.Name,-48} {record.Function,-17} {record.Attempts,-8}  {record.LastFailed:yyyy-MM-dd HH:mm:ss}  {record.ExceptionType}: {record.Reason}"));
        }

        var quarantined = records.Count(r => r.IsQuarantined);
        await output.WriteLineAsync($"{quarantined} quarantined, {records.Count - quarantined} retrying" +
            (quarantined > 0 ? " (poison retry NAME|--all runs a quarantined blob's step again)" : ""));
        return Ok;
    }

    private static async Task<int> PoisonRetryAsync(string? name, Dictionary<string, string?> flags, TextWriter output, TextWriter error)
    {
        await using var provider = PoisonServices(flags);
        await provider.GetRequiredService<Storage.BlobDocumentStore>().EnsureContainersAsync(CancellationToken.None);
        var quarantine = provider.GetRequiredService<BlobQuarantine>();
        var steps = provider.GetRequiredService<BlobSteps>();
        var records = new List<PoisonRecord>();
        await foreach (var record in quarantine.ListAsync(null, CancellationToken.None))
        {
            records.Add(record);
        }

        var targets = name is null
            ? [.. records.Where(r => r.IsQuarantined)]
            : records.Where(r => r.Container + "/" + r.Name == name).ToList() is { Count: 1 } exact ? exact
            : records.Where(r => r.Name == name).ToList();
        if (name is not null && targets.Count != 1)
        {
            await error.WriteLineAsync(targets.Count == 0
                ? $"No poison record for '{name}' (see poison list)."
                : $"'{name}' names {targets.Count} records: say which, e.g. {targets[0].Container}/{name}.");
            return BadUsage;
        }

        var failures = 0;
        foreach (var record in targets)
        {
            await quarantine.RemoveAsync(record.Container, record.Name, CancellationToken.None);
            var ok = await RetryOneAsync(record.Container, record.Name, quarantine, steps, output);
            // There is no trigger here to carry a fresh analysis on: notify it too.
            if (ok && record.Container == Storage.PipelineNames.ArticlesContainer
                && !await steps.IsDoneAsync(Storage.PipelineNames.AnalysesContainer, record.Name, CancellationToken.None))
            {
                ok = await RetryOneAsync(Storage.PipelineNames.AnalysesContainer, record.Name, quarantine, steps, output);
            }

            failures += ok ? 0 : 1;
        }

        await output.WriteLineAsync($"{targets.Count - failures} of {targets.Count} retried blob(s) went through");
        return failures == 0 ? Ok : Failed;
    }

    private static async Task<bool> RetryOneAsync(string container, string name, BlobQuarantine quarantine, BlobSteps steps, TextWriter output)
    {
        var blob = $"{container}/{name}";
        try
        {
            if (!await steps.RunAsync(container, name, CancellationToken.None))
            {
                await output.WriteLineAsync($"{blob}: the blob no longer exists; its record is removed");
                return true;
            }
        }
        catch (Exception e) when (e is not OptionsValidationException)
        {
            // The step's message is not printed: it may hold what the record's reason leaves out.
            var failed = await quarantine.ReadAsync(container, name, CancellationToken.None);
            await output.WriteLineAsync($"{blob}: failed again (attempt {failed?.Attempts}; the reconciler retries it): {failed?.ExceptionType ?? e.GetType().Name}: {failed?.Reason}");
            return false;
        }

        if (await quarantine.ReadAsync(container, name, CancellationToken.None) is { IsQuarantined: true } again)
        {
            await output.WriteLineAsync($"{blob}: quarantined again: {again.ExceptionType}: {again.Reason}");
            return false;
        }

        await output.WriteLineAsync($"{blob}: done");
        return true;
    }

    /// <summary>The pipeline without the trigger host, for poison retry.</summary>
    private static ServiceProvider PoisonServices(Dictionary<string, string?> flags) => PipelineServices(Configuration(flags));

    /// <summary>The stages as the hosts register them, with nothing to trigger them: what the operator commands run.</summary>
    private static ServiceProvider PipelineServices(IConfiguration config)
        => new ServiceCollection()
            .AddSingleton(config)
            .AddLogging()
            .AddAlertsPipeline(config)
            .BuildServiceProvider();

    private static IConfiguration Configuration(Dictionary<string, string?> flags)
    {
        var configuration = new ConfigurationBuilder();
        if (SettingsPath(flags) is { } settings)
        {
            configuration.AddLocalSettings(settings);
        }

        configuration.AddEnvironmentVariables();
        return configuration.Build();
    }

    /// <summary>The pipeline without the trigger host, for the delivery commands.</summary>
    private static ServiceProvider DeliveryServices(Dictionary<string, string?> flags)
    {
        var provider = PipelineServices(Configuration(flags));
        // Validate now, so a bad setting is reported as such rather than as a failed send.
        _ = provider.GetRequiredService<IOptionsMonitor<SmtpOptions>>().CurrentValue;
        _ = provider.GetRequiredService<IOptionsMonitor<NotifyOptions>>().CurrentValue;
        return provider;
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
        var valued = new HashSet<string>(StringComparer.Ordinal) { "--out", "--settings", "--idle-timeout", "--gold" };
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
            else if (args[i] is "--until-idle" or "--explain" or "--verbose" or "--help" or "--failed" or "--pending" or "--sent" or "--all")
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
