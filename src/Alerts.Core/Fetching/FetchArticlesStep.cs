using Alerts.Articles;
using Alerts.Storage;
using Alerts.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Fetching;

/// <summary>FetchArticles: reads every enabled, due source and stores each article not stored before, once.</summary>
public sealed partial class FetchArticlesStep(
    FeedDownloader downloader,
    FeedParser parser,
    HtmlArticleExtractor extractor,
    BlobDocumentStore store,
    SourceStateStore states,
    SyndicationIndex index,
    IOptionsMonitor<FetchOptions> options,
    TimeProvider time,
    ILogger<FetchArticlesStep> logger) : IDisposable
{
    // Exact-hash matching needs enough text not to merge two different teasers; SimHash needs more (see ContentHash).
    private const int MinExactMatchChars = 200;
    private const int MinNearMatchChars = 600;
    private const int MaxConcurrentItems = 4;
    private const int FailuresBeforeBackOff = 3;
    private static readonly TimeSpan MaxFailureBackOff = TimeSpan.FromHours(1);

    // "New or copy?" is decided under locks on the story's exact hash and SimHash band buckets, so two copies seen at
    // once in this process (one feed or two) cannot both be stored, while unrelated stories are stored in parallel.
    private readonly StripedLock storyLocks = new();

    public void Dispose() => storyLocks.Dispose();

    public async Task<FetchReport> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var sources = settings.Sources.Where(s => s.Enabled).ToList();
        foreach (var disabled in settings.Sources.Where(s => !s.Enabled))
        {
            Log.SourceDisabled(logger, disabled.Name);
        }

        var results = new SourceReport[sources.Count];
        // The run's budget is handed to each source rather than to ForEachAsync, which would stop at once and save
        // nothing: a source it interrupts ends as RunTimeout, and the state of every source already done is kept.
        using var runBudget = new CancellationTokenSource(settings.RunTimeout, time);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, sources.Count),
            new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrentSources, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await FetchSourceGuardedAsync(sources[i], settings, runBudget.Token, ct));

        var report = new FetchReport(
            sources.Count,
            results.Count(r => r.Status == SourceStatus.Failed),
            results.Sum(r => r.Items),
            results.Sum(r => r.Stored),
            results.Sum(r => r.AlreadyStored))
        {
            NotModified = results.Count(r => r.Status == SourceStatus.NotModified),
            NotDue = results.Count(r => r.Status == SourceStatus.NotDue),
            Syndicated = results.Sum(r => r.Syndicated),
            ItemsFailed = results.Sum(r => r.ItemsFailed),
            Details = results,
        };
        Log.FetchCompleted(logger, report.Sources, report.NotModified, report.NotDue, report.FailedSources, report.Items, report.Stored, report.AlreadyStored);
        return report;
    }

    // Parallel.ForEachAsync cancels every source on the first exception, so a surprise in one source (a bug, input no
    // check foresaw, a corrupt state blob) is made that source's failure here, and the run goes on.
    private async Task<SourceReport> FetchSourceGuardedAsync(
        FeedSource source, FetchOptions settings, CancellationToken runBudget, CancellationToken cancellationToken)
    {
        try
        {
            return await FetchSourceAsync(source, settings, runBudget, cancellationToken);
        }
#pragma warning disable CA1031 // Deliberately broad: whatever it was, it is this source's failure, logged with the exception.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Log.SourceCrashed(logger, source.Name, e.GetType().Name, e);
            // Stored in the source's state and shown by the CLI: no connection-string key or signature an SDK put in it.
            var report = Failed(source, FetchFailure.Unexpected, $"{e.GetType().Name}: {Redact.Secrets(e.Message)}");
            await RecordUnexpectedFailureAsync(source, report, cancellationToken);
            return report;
        }
    }

    private async Task RecordUnexpectedFailureAsync(FeedSource source, SourceReport report, CancellationToken cancellationToken)
    {
        try
        {
            var saved = await states.ReadAsync(source.Name, cancellationToken);
            await SaveStateAsync(source, saved, saved?.Document ?? new SourceState { Source = source.Name }, report, null, cancellationToken);
        }
#pragma warning disable CA1031 // The state itself may be what broke (unreadable JSON); the failure is logged either way.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Log.SourceFailureNotRecorded(logger, source.Name, e.GetType().Name, e);
        }
    }

    private async Task<SourceReport> FetchSourceAsync(
        FeedSource source, FetchOptions settings, CancellationToken runBudget, CancellationToken cancellationToken)
    {
        if (runBudget.IsCancellationRequested)
        {
            return RunBudgetSpent(source, settings);
        }

        var now = time.GetUtcNow();
        var saved = await states.ReadAsync(source.Name, cancellationToken);
        var state = saved?.Document ?? new SourceState { Source = source.Name };
        if (state.NextDue > now)
        {
            Log.SourceNotDue(logger, source.Name, state.NextDue.Value);
            return new SourceReport(source.Name, SourceStatus.NotDue);
        }

        var url = new Uri(source.Url);
        var validators = state.Url == source.Url ? new CacheValidators(state.ETag, state.LastModified) : null;
        using var budget = new CancellationTokenSource(settings.SourceTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token, runBudget);
        SourceReport report;
        CacheValidators? newValidators = null;
        try
        {
            var download = await downloader.GetAsync(url, validators, FetchCircuit.Feed(source.Name, url), linked.Token);
            if (download.NotModified)
            {
                Log.SourceNotModified(logger, source.Name);
                report = new SourceReport(source.Name, SourceStatus.NotModified);
                newValidators = download.Validators;
            }
            else
            {
                var feed = Parse(download, linked.Token);
                if (feed.RepairedCharset is { } charset)
                {
                    Log.CharsetRepaired(logger, source.Name, "the feed", charset);
                }
                if (feed.Warnings.Count > 0)
                {
                    Log.FeedWarnings(logger, source.Name, feed.Warnings.Count, string.Join("; ", feed.Warnings.Take(3)));
                }
                report = await StoreItemsAsync(source, feed, settings, linked.Token) with { Warnings = feed.Warnings };
                // Kept validators would turn the next poll into a 304 that hides the items still to be stored.
                if (report.ItemsToRetry > 0)
                {
                    Log.ValidatorsWithheld(logger, source.Name, report.ItemsToRetry);
                }
                else
                {
                    newValidators = download.Validators;
                }
                Log.SourceFetched(logger, source.Name, report.Items, report.Stored);
            }
        }
        catch (FetchFailedException e)
        {
            report = Failed(source, e.Failure, e.Message);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            report = Failed(source, FetchFailure.SourceTimeout, $"source took longer than {settings.SourceTimeout}");
        }
        catch (OperationCanceledException) when (runBudget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Not this source's fault: no failure is counted and its state is left as it was.
            return RunBudgetSpent(source, settings);
        }

        await SaveStateAsync(source, saved, state, report, newValidators, cancellationToken);
        return report;
    }

    private SourceReport RunBudgetSpent(FeedSource source, FetchOptions settings)
    {
        Log.RunBudgetSpent(logger, source.Name, settings.RunTimeout);
        return Failed(source, FetchFailure.RunTimeout, $"the run took longer than Fetch:RunTimeout ({settings.RunTimeout}); left for the next run");
    }

    private FeedParseResult Parse(Download download, CancellationToken cancellationToken)
    {
        try
        {
            return parser.Parse(download.Body, download.ContentType, download.Url, cancellationToken);
        }
        catch (FeedFormatException e)
        {
            throw new FetchFailedException(FetchFailure.NotAFeed, e.Message, e);
        }
    }

    private static SourceReport Failed(FeedSource source, FetchFailure failure, string reason) =>
        new(source.Name, SourceStatus.Failed) { Failure = failure, Reason = reason };
}
