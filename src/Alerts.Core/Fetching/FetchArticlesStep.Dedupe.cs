using Alerts.Articles;
using Alerts.Storage;
using Alerts.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Fetching;

/// <summary>Storing each story once: under locks on its hashes, a copy of a stored story is recorded as a copy.</summary>
public sealed partial class FetchArticlesStep
{
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
}
