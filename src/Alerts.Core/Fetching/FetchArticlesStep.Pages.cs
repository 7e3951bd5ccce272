using Alerts.Articles;
using Alerts.Storage;
using Alerts.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Fetching;

/// <summary>Fetching the article page when the feed gives only a summary.</summary>
public sealed partial class FetchArticlesStep
{
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
}
