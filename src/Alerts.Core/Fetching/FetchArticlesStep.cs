using System.Net;
using Alerts.Articles;
using Alerts.Storage;
using Alerts.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Fetching;

public sealed record FetchReport(int Sources, int FailedSources, int Items, int Stored, int AlreadyStored);

/// <summary>FetchArticles: reads every enabled source and stores each article not stored before, once.</summary>
public sealed class FetchArticlesStep(
    IHttpClientFactory httpClients,
    FeedParser parser,
    HtmlArticleExtractor extractor,
    BlobDocumentStore store,
    IOptionsMonitor<FetchOptions> options,
    TimeProvider time,
    ILogger<FetchArticlesStep> logger)
{
    public const string HttpClientName = "feeds";

    public async Task<FetchReport> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var sources = settings.Sources.Where(s => s.Enabled).ToList();
        var results = new SourceResult[sources.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, sources.Count),
            new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrentSources, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await FetchSourceAsync(sources[i], settings, ct));

        var report = new FetchReport(
            sources.Count,
            results.Count(r => r.Failed),
            results.Sum(r => r.Items),
            results.Sum(r => r.Stored),
            results.Sum(r => r.AlreadyStored));
        Log.FetchCompleted(logger, report.Sources, report.FailedSources, report.Items, report.Stored, report.AlreadyStored);
        return report;
    }

    private async Task<SourceResult> FetchSourceAsync(FeedSource source, FetchOptions settings, CancellationToken cancellationToken)
    {
        FeedParseResult feed;
        try
        {
            var (bytes, contentType) = await GetAsync(new Uri(source.Url), settings, cancellationToken);
            feed = parser.Parse(bytes, contentType, new Uri(source.Url));
        }
        catch (Exception e) when (e is HttpRequestException or FeedFormatException or ContentTooLargeException or TaskCanceledException
            && !cancellationToken.IsCancellationRequested)
        {
            // A failing source never stops the others.
            Log.SourceFailed(logger, source.Name, e.Message);
            return new SourceResult(true, 0, 0, 0);
        }

        int stored = 0, already = 0;
        foreach (var item in feed.Items)
        {
            try
            {
                if (await StoreItemAsync(source, item, settings, cancellationToken))
                {
                    stored++;
                }
                else
                {
                    already++;
                }
            }
            catch (Exception e) when (e is HttpRequestException or ContentTooLargeException or TaskCanceledException
                && !cancellationToken.IsCancellationRequested)
            {
                Log.ItemFailed(logger, source.Name, item.Link.AbsoluteUri, e.Message);
            }
        }

        Log.SourceFetched(logger, source.Name, feed.Items.Count, stored);
        return new SourceResult(false, feed.Items.Count, stored, already);
    }

    private async Task<bool> StoreItemAsync(FeedSource source, FeedItem item, FetchOptions settings, CancellationToken cancellationToken)
    {
        var canonical = CanonicalUrl.Normalize(item.Link);
        var blobName = CanonicalUrl.BlobName(canonical);
        if (await store.ExistsAsync(PipelineNames.ArticlesContainer, blobName, cancellationToken))
        {
            return false;
        }

        var text = item.ContentText ?? item.Summary ?? "";
        string? note = null;
        ExtractedPage? page = null;
        if (text.Length < settings.FullTextBelowChars)
        {
            try
            {
                var (bytes, contentType) = await GetAsync(item.Link, settings, cancellationToken);
                page = extractor.Extract(TextDecoder.Decode(bytes, contentType), item.Link);
                if (page.Text.Length > text.Length)
                {
                    text = page.Text;
                }
                else
                {
                    note = "the page gave no longer text than the feed";
                }
            }
            catch (Exception e) when (e is HttpRequestException or ContentTooLargeException or TaskCanceledException
                && !cancellationToken.IsCancellationRequested)
            {
                note = $"full text not fetched: {e.Message}";
            }
        }

        if (page?.Canonical is { } declared && CanonicalUrl.Choose(item.Link, declared) is var chosen && chosen != canonical)
        {
            // The page names its canonical URL on the same site (AMP and mobile variants fold into it).
            canonical = chosen;
            blobName = CanonicalUrl.BlobName(canonical);
            if (await store.ExistsAsync(PipelineNames.ArticlesContainer, blobName, cancellationToken))
            {
                return false;
            }
        }

        var cleaned = TextCleaner.Clean(text);
        var article = new Article
        {
            Id = Path.GetFileNameWithoutExtension(blobName),
            Url = item.Link.AbsoluteUri,
            CanonicalUrl = canonical.AbsoluteUri,
            Source = item.Outlet ?? source.Name,
            Title = TextCleaner.Clean(item.Title.Length > 0 ? item.Title : page?.Title ?? ""),
            Author = item.Author ?? page?.Author,
            Published = (item.Published ?? page?.Published)?.ToUniversalTime(),
            Fetched = time.GetUtcNow(),
            Language = item.Language ?? page?.Language,
            Text = cleaned,
            Summary = item.Summary is null ? null : TextCleaner.Clean(item.Summary),
            ContentHash = ContentHash.Of(cleaned),
            TextNote = note,
        };
        var created = await store.TryCreateAsync(PipelineNames.ArticlesContainer, blobName, article, cancellationToken);
        if (created)
        {
            Log.ArticleStored(logger, source.Name, blobName, article.Url);
        }

        return created;
    }

    private async Task<(byte[] Body, string? ContentType)> GetAsync(Uri url, FetchOptions settings, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.RequestTimeout);
        var client = httpClients.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.UserAgent.ParseAdd(settings.UserAgent);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} from {url.Host}", null, response.StatusCode);
        }

        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        var bytes = await LimitedReader.ReadAllAsync(body, settings.MaxResponseBytes, timeout.Token);
        return (bytes, response.Content.Headers.ContentType?.ToString());
    }

    private sealed record SourceResult(bool Failed, int Items, int Stored, int AlreadyStored);
}
