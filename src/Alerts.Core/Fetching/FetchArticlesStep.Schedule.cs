using Alerts.Articles;
using Alerts.Storage;
using Alerts.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Fetching;

/// <summary>Per-source state between runs: when a source is next due, its failure streak and back-off.</summary>
public sealed partial class FetchArticlesStep
{
    private async Task SaveStateAsync(
        FeedSource source, StoredDocument<SourceState>? saved, SourceState state, SourceReport report, CacheValidators? validators,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        SourceState next;
        if (report.Status == SourceStatus.Failed)
        {
            var failures = state.ConsecutiveFailures + 1;
            var since = state.ConsecutiveFailures == 0 ? now : state.FailingSince ?? state.LastAttempt ?? now;
            // Logged when the source starts failing and again at Warning once the streak is long enough to matter
            // (then each time it doubles), not on every run while it keeps failing.
            if (state.ConsecutiveFailures == 0)
            {
                Log.SourceFailed(logger, source.Name, new Uri(source.Url).Host, report.Failure!.Value, report.Reason ?? "");
            }
            else if (IsWarningStreak(failures, options.CurrentValue.WarnAfterFailures))
            {
                Log.SourceFailingPersistently(logger, source.Name, new Uri(source.Url).Host, failures, since, report.Failure!.Value, report.Reason ?? "");
            }
            else
            {
                Log.SourceStillFailing(logger, source.Name, failures, report.Failure!.Value, report.Reason ?? "");
            }
            next = state with
            {
                LastAttempt = now,
                ConsecutiveFailures = failures,
                FailingSince = since,
                LastFailure = report.Failure,
                NextDue = failures >= FailuresBeforeBackOff ? now + BackOff(failures) : DueAfter(source, now),
            };
        }
        else
        {
            if (state.ConsecutiveFailures > 0)
            {
                Log.SourceRecovered(logger, source.Name, state.ConsecutiveFailures);
            }
            next = state with
            {
                Url = source.Url,
                ETag = validators?.ETag,
                LastModified = validators?.LastModified,
                LastAttempt = now,
                LastSuccess = now,
                ConsecutiveFailures = 0,
                LastFailure = null,
                FailingSince = null,
                NextDue = DueAfter(source, now),
            };
        }

        if (!await states.TrySaveAsync(next, saved?.ETag, cancellationToken))
        {
            Log.SourceStateConflict(logger, source.Name);
        }
    }

    // threshold, 2 × threshold, 4 × threshold, …
    private static bool IsWarningStreak(int failures, int threshold)
        => failures >= threshold && failures % threshold == 0 && int.IsPow2(failures / threshold);

    private static DateTimeOffset? DueAfter(FeedSource source, DateTimeOffset now) => source.Interval is { } interval ? now + interval : null;

    private static TimeSpan BackOff(int failures)
    {
        var minutes = 5 * Math.Pow(2, Math.Min(failures - FailuresBeforeBackOff, 10));
        return TimeSpan.FromMinutes(Math.Min(minutes, MaxFailureBackOff.TotalMinutes));
    }
}
