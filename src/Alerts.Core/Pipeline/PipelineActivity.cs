using System.Collections.Concurrent;
using Alerts.Delivery;

namespace Alerts;

/// <summary>What this process has done since it started: lets the local host stop once the sample run is
/// delivered and print the alerts it sent.</summary>
public sealed class PipelineActivity(TimeProvider time)
{
    private readonly ConcurrentQueue<Alert> alerts = new();
    private long fetchRuns;
    private long lastActivityTicks = time.GetUtcNow().UtcTicks;

    public long FetchRuns => Interlocked.Read(ref fetchRuns);

    public IReadOnlyCollection<Alert> AlertsSent => alerts.ToArray();

    public DateTimeOffset LastActivity => new(Interlocked.Read(ref lastActivityTicks), TimeSpan.Zero);

    public void FetchCompleted()
    {
        Interlocked.Increment(ref fetchRuns);
        Touch();
    }

    public void ArticleAnalyzed() => Touch();

    public void AnalysisNotified() => Touch();

    public void AlertSent(Alert alert)
    {
        alerts.Enqueue(alert);
        Touch();
    }

    private void Touch() => Interlocked.Exchange(ref lastActivityTicks, time.GetUtcNow().UtcTicks);
}
