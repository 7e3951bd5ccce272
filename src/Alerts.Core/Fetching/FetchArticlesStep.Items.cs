using Alerts.Articles;
using Alerts.Storage;
using Alerts.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Fetching;

/// <summary>Turning feed items into stored articles: the full text from the feed or the page, capped and cleaned.</summary>
public sealed partial class FetchArticlesStep
{
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
