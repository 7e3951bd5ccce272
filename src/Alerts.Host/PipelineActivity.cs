using System.Collections.Concurrent;
using Alerts.Delivery;

namespace Alerts.Host;

/// <summary>What this process has done since it started: lets the local host stop once the sample run is
/// delivered and print the alerts it sent. Only the most recent <see cref="KeptAlerts"/> alerts are kept: a host
/// that runs for months must not hold every alert it ever sent.</summary>
public sealed class PipelineActivity(TimeProvider time) : INotificationEvents
{
    public const int KeptAlerts = 1000;

    private readonly ConcurrentQueue<Alert> alerts = new();
    private long alertsSent;
    private long fetchRuns;
    private long lastActivityTicks = time.GetUtcNow().UtcTicks;

    public long FetchRuns => Interlocked.Read(ref fetchRuns);

    /// <summary>The most recent alerts sent, oldest first, at most <see cref="KeptAlerts"/>.</summary>
    public IReadOnlyCollection<Alert> AlertsSent => alerts.ToArray();

    /// <summary>Every alert sent since the process started.</summary>
    public long AlertsSentCount => Interlocked.Read(ref alertsSent);

    public DateTimeOffset LastActivity => new(Interlocked.Read(ref lastActivityTicks), TimeSpan.Zero);

    public void FetchCompleted()
    {
        Interlocked.Increment(ref fetchRuns);
        Touch();
    }

    public void ArticleAnalyzed() => Touch();

    public void Notified(string analysis, IReadOnlyList<Alert> alerts)
    {
        foreach (var alert in alerts)
        {
            AlertSent(alert);
        }

        Touch();
    }

    public void AlertSent(Alert alert)
    {
        alerts.Enqueue(alert);
        Interlocked.Increment(ref alertsSent);
        while (alerts.Count > KeptAlerts && alerts.TryDequeue(out _))
        {
        }

        Touch();
    }

    private void Touch() => Interlocked.Exchange(ref lastActivityTicks, time.GetUtcNow().UtcTicks);
}
