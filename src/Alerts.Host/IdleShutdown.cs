using Alerts.Delivery;
using Alerts.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alerts.Host;

internal sealed record IdleShutdownSettings(TimeSpan Quiet, TimeSpan Timeout);

/// <summary>Stops the host once the first fetch has run and everything it stored is analysed and notified: how
/// <c>./run.sh</c> knows the sample's alerts are delivered.</summary>
internal sealed partial class IdleShutdown(
    IdleShutdownSettings settings,
    PipelineActivity activity,
    BlobDocumentStore store,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<IdleShutdown> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = time.GetUtcNow();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (time.GetUtcNow() - started > settings.Timeout)
            {
                LogTimedOut(logger, settings.Timeout.TotalSeconds);
                Environment.ExitCode = 1;
                lifetime.StopApplication();
                return;
            }

            if (activity.FetchRuns == 0 || time.GetUtcNow() - activity.LastActivity < settings.Quiet)
            {
                continue;
            }

            var articles = await CountAsync(PipelineNames.ArticlesContainer, null, stoppingToken);
            var analyses = await CountAsync(PipelineNames.AnalysesContainer, null, stoppingToken);
            var notified = await CountAsync(PipelineNames.DeliveriesContainer, NotifySubscribersStep.SummaryPrefix, stoppingToken);
            if (articles == analyses && analyses == notified)
            {
                LogIdle(logger, articles, activity.AlertsSentCount);
                lifetime.StopApplication();
                return;
            }
        }
    }

    private async Task<int> CountAsync(string container, string? prefix, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in store.ListNamesAsync(container, prefix, cancellationToken))
        {
            count++;
        }

        return count;
    }

    [LoggerMessage(9001, LogLevel.Information, "Pipeline idle: {Articles} articles analysed and notified, {Alerts} alerts sent by this run")]
    private static partial void LogIdle(ILogger logger, int articles, long alerts);

    [LoggerMessage(9002, LogLevel.Error, "Pipeline did not become idle within {Seconds} s; stopping")]
    private static partial void LogTimedOut(ILogger logger, double seconds);
}
