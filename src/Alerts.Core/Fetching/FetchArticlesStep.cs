using Alerts.Articles;
using Alerts.Storage;
using Alerts.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Fetching;

/// <param name="Sources">Enabled sources.</param>
/// <param name="FailedSources">Sources that could not be read this run.</param>
/// <param name="Items">Feed items seen.</param>
/// <param name="Stored">New articles stored.</param>
/// <param name="AlreadyStored">Items whose URL was stored before.</param>
public sealed record FetchReport(int Sources, int FailedSources, int Items, int Stored, int AlreadyStored)
{
    /// <summary>Sources that answered 304 Not Modified.</summary>
    public int NotModified { get; init; }
    /// <summary>Sources skipped because their own interval has not passed.</summary>
    public int NotDue { get; init; }
    /// <summary>Items recognised as a story stored under another URL; their URL was added to it.</summary>
    public int Syndicated { get; init; }
    /// <summary>Items not stored for a reason logged with them (no text at all); they are tried again next run.</summary>
    public int ItemsFailed { get; init; }
    public IReadOnlyList<SourceReport> Details { get; init; } = [];
}

public enum SourceStatus
{
    Fetched,
    NotModified,
    NotDue,
    Failed,
}

public sealed record SourceReport(string Source, SourceStatus Status)
{
    public int Items { get; init; }
    public int Stored { get; init; }
    public int AlreadyStored { get; init; }
    public int Syndicated { get; init; }
    public int ItemsFailed { get; init; }
    /// <summary>Failed items a later try may store (page or storage unavailable); while any remain, the feed's
    /// validators are not kept, so the next poll is unconditional and offers them again.</summary>
    public int ItemsToRetry { get; init; }
    public FetchFailure? Failure { get; init; }
    public string? Reason { get; init; }
    /// <summary>What the parser skipped or guessed (items without a link, unreadable dates, repairs).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>FetchArticles: reads every enabled, due source and stores each article not stored before, once.</summary>
public sealed class FetchArticlesStep(
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
    public const string HttpClientName = FeedDownloader.HttpClientName;

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

    private async Task<SourceReport> StoreItemsAsync(FeedSource source, FeedParseResult feed, FetchOptions settings, CancellationToken cancellationToken)
    {
        var items = feed.Items;
        if (items.Count > settings.MaxItemsPerSource)
        {
            Log.ItemsCapped(logger, source.Name, items.Count, settings.MaxItemsPerSource);
            items = items
                .Select((item, position) => (item, position))
                .OrderByDescending(x => x.item.Published ?? DateTimeOffset.MinValue)
                .ThenBy(x => x.position)
                .Take(settings.MaxItemsPerSource)
                .Select(x => x.item)
                .ToList();
        }

        var outcomes = new ItemOutcome[items.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentItems, CancellationToken = cancellationToken },
            async (i, ct) => outcomes[i] = await StoreItemGuardedAsync(source, items[i], settings, ct));

        return new SourceReport(source.Name, SourceStatus.Fetched)
        {
            Items = feed.Items.Count,
            Stored = outcomes.Count(o => o == ItemOutcome.Stored),
            AlreadyStored = outcomes.Count(o => o == ItemOutcome.AlreadyStored),
            Syndicated = outcomes.Count(o => o == ItemOutcome.Syndicated),
            ItemsFailed = outcomes.Count(o => o is ItemOutcome.Failed or ItemOutcome.FailedRetryable),
            ItemsToRetry = outcomes.Count(o => o == ItemOutcome.FailedRetryable),
        };
    }

    // As for sources: one item's surprise (a storage error, a page no check foresaw) must not cancel the feed's other
    // items; it is tried again on the next poll. Cancellation (the source's time budget) still ends the source.
    private async Task<ItemOutcome> StoreItemGuardedAsync(FeedSource source, FeedItem item, FetchOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            return await StoreItemAsync(source, item, settings, cancellationToken);
        }
#pragma warning disable CA1031 // Deliberately broad, as for sources; logged with the exception.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            Log.ItemCrashed(logger, source.Name, Loggable(item.Link), e.GetType().Name, e);
            return ItemOutcome.FailedRetryable;
        }
    }

    private async Task<ItemOutcome> StoreItemAsync(
        FeedSource source, FeedItem item, FetchOptions settings, CancellationToken cancellationToken)
    {
        var link = item.Link;
        var googleNews = GoogleNewsLink.IsGoogleNews(link);
        if (googleNews && GoogleNewsLink.TryDecode(link) is { } decoded)
        {
            link = decoded;
            googleNews = false;
        }

        var linkId = ArticleId(CanonicalUrl.Normalize(link));
        if (await index.FindByUrlAsync(linkId, cancellationToken) is not null)
        {
            return ItemOutcome.AlreadyStored;
        }

        var text = item.ContentText ?? item.Summary ?? "";
        string? note = null;
        ExtractedPage? page = null;
        var fetchedUrl = link;
        var retryable = false;
        if (text.Length < settings.FullTextBelowChars)
        {
            (page, fetchedUrl, note, retryable) = await FetchPageAsync(source, link, googleNews, cancellationToken);
            if (page is not null && page.Text.Length > text.Length)
            {
                text = page.Text;
            }
            else
            {
                note ??= "the page gave no longer text than the feed";
            }
        }

        // The page names its canonical URL on the same site (AMP and mobile variants fold into it); a redirect may
        // also have led elsewhere.
        var canonical = CanonicalUrl.Choose(fetchedUrl, page?.Canonical);
        var id = ArticleId(canonical);
        if (id != linkId && await index.FindByUrlAsync(id, cancellationToken) is { } known)
        {
            await index.AddUrlAliasAsync(linkId, known, cancellationToken);
            return ItemOutcome.AlreadyStored;
        }

        var cleaned = TextCleaner.Clean(text);
        if (cleaned.Length == 0)
        {
            Log.ItemFailed(logger, source.Name, Loggable(item.Link), note ?? "the item has no text");
            return retryable ? ItemOutcome.FailedRetryable : ItemOutcome.Failed;
        }

        var article = new Article
        {
            Id = id,
            Url = link.AbsoluteUri,
            CanonicalUrl = canonical.AbsoluteUri,
            Source = item.Outlet ?? source.Name,
            Title = Article.Bounded(TextCleaner.Clean(item.Title.Length > 0 ? item.Title : page?.Title ?? ""), Article.MaxTitleChars)!,
            Author = Article.Bounded(item.Author ?? page?.Author, Article.MaxAuthorChars),
            Published = (item.Published ?? page?.Published)?.ToUniversalTime(),
            Fetched = time.GetUtcNow(),
            Language = item.Language ?? page?.Language,
            Text = cleaned,
            Summary = item.Summary is null ? null : TextCleaner.Clean(item.Summary),
            ContentHash = ContentHash.Of(cleaned),
            TextNote = note,
        };

        var fingerprint = ContentHash.Fingerprint(cleaned);
        using (await storyLocks.AcquireAsync(LockKeys(article, fingerprint), cancellationToken))
        {
            return await StoreOnceAsync(source, article, linkId, fingerprint, settings, cancellationToken);
        }
    }

    private static IEnumerable<string> LockKeys(Article article, ulong fingerprint)
    {
        yield return article.Id;
        yield return article.ContentHash;
        for (var band = 0; band < SyndicationIndex.Bands; band++)
        {
            yield return $"{band}/{(byte)(fingerprint >> (band * 8))}";
        }
    }

    private async Task<ItemOutcome> StoreOnceAsync(
        FeedSource source, Article article, string linkId, ulong fingerprint, FetchOptions settings, CancellationToken cancellationToken)
    {
        SyndicationIndex.NearLookup? near = null;
        if (article.Text.Length >= MinExactMatchChars)
        {
            if (await index.ClaimExactAsync(article.ContentHash, article.Id, cancellationToken) is { } holder && holder != article.Id)
            {
                return await RecordCopyAsync(source, article, linkId, holder, "same text", cancellationToken);
            }
            if (article.Text.Length >= MinNearMatchChars)
            {
                near = await index.FindNearAsync(fingerprint, settings.SyndicationWindow, cancellationToken);
                if (near.Match is { } match && match != article.Id)
                {
                    await index.PointExactAsync(article.ContentHash, match, cancellationToken);
                    return await RecordCopyAsync(source, article, linkId, match, "near-identical text", cancellationToken);
                }
            }
        }

        if (!await store.TryCreateAsync(PipelineNames.ArticlesContainer, article.Id + ".json", article, cancellationToken))
        {
            return ItemOutcome.AlreadyStored;
        }

        Log.ArticleStored(logger, source.Name, article.Id, Loggable(new Uri(article.Url)));
        await index.AddUrlAliasAsync(linkId, article.Id, cancellationToken);
        if (near is not null)
        {
            await index.AddNearAsync(near, article.Id, settings.SyndicationWindow, cancellationToken);
        }
        return ItemOutcome.Stored;
    }

    private async Task<ItemOutcome> RecordCopyAsync(
        FeedSource source, Article article, string linkId, string holder, string match, CancellationToken cancellationToken)
    {
        await index.AddAlternateUrlAsync(holder, article.Url, cancellationToken);
        await index.AddUrlAliasAsync(article.Id, holder, cancellationToken);
        await index.AddUrlAliasAsync(linkId, holder, cancellationToken);
        Log.SyndicatedCopy(logger, source.Name, Loggable(new Uri(article.Url)), holder, match);
        return ItemOutcome.Syndicated;
    }

    /// <returns><c>Retryable</c>: the page could not be had for a reason that may pass (5xx, timeout, open circuit).</returns>
    private async Task<(ExtractedPage? Page, Uri FetchedUrl, string? Note, bool Retryable)> FetchPageAsync(
        FeedSource source, Uri link, bool googleNews, CancellationToken cancellationToken)
    {
        if (googleNews)
        {
            return (null, link, "full text not fetched: the Google News link forwards by script, not by HTTP redirect", false);
        }
        try
        {
            var download = await downloader.GetAsync(link, null, FetchCircuit.Page(source.Name, link), cancellationToken);
            if (!LooksLikeHtml(download))
            {
                return (null, download.Url, $"full text not fetched: the page is not HTML ({download.ContentType ?? "no content type"})", false);
            }
            var html = TextDecoder.Read(download.Body, download.ContentType);
            if (html.RepairedAs is { } charset)
            {
                Log.CharsetRepaired(logger, source.Name, "the page " + Loggable(download.Url), charset);
            }
            var page = extractor.Extract(html.Text, download.Url);
            return (page, download.Url, page.Text.Length == 0 ? "full text not found on the page" : null, false);
        }
        catch (FetchFailedException e)
        {
            Log.FullTextUnavailable(logger, link.Host, e.Failure, e.Message);
            var retryable = e.IsTransient || e.Failure is FetchFailure.Timeout or FetchFailure.CircuitOpen;
            // The guard's log says which address was refused; the stored article must not tell whoever reads it
            // which internal addresses exist.
            var note = e.Failure == FetchFailure.Refused ? "refused: non-public address" : $"full text not fetched: {e.Failure}: {e.Message}";
            return (null, link, note, retryable);
        }
    }

    private static bool LooksLikeHtml(Download download)
    {
        if (download.ContentType is { } type)
        {
            return type.Contains("html", StringComparison.OrdinalIgnoreCase);
        }
        var start = download.Body.AsSpan(0, Math.Min(download.Body.Length, 512));
        return start.IndexOf((byte)'<') >= 0 && start.IndexOf((byte)0) < 0;
    }

    private static string ArticleId(Uri canonical) => Path.GetFileNameWithoutExtension(CanonicalUrl.BlobName(canonical));

    /// <summary>Host and path only: a query string may carry a key.</summary>
    private static string Loggable(Uri url) => url.GetLeftPart(UriPartial.Path);

    private enum ItemOutcome
    {
        Stored,
        AlreadyStored,
        Syndicated,
        Failed,
        /// <summary>Not stored for a reason that may pass (page or storage unavailable); see <see cref="SourceReport.ItemsToRetry"/>.</summary>
        FailedRetryable,
    }
}
