using System.Text.Json;
using Alerts.Articles;
using Alerts.Storage;
using Microsoft.Extensions.Logging;

namespace Alerts.Analysis;

/// <summary>AnalyzeArticle: reads one stored article, analyses it and writes its analysis under the same name.</summary>
public sealed class AnalyzeArticleStep(
    ArticleAnalyzer analyzer,
    BlobDocumentStore store,
    ILogger<AnalyzeArticleStep> logger)
{
    /// <summary>The step's name in quarantine records, and its function's.</summary>
    public const string FunctionName = "AnalyzeArticle";

    public async Task RunAsync(Stream articleJson, string blobName, CancellationToken cancellationToken)
    {
        if (await store.ExistsAsync(PipelineNames.AnalysesContainer, blobName, cancellationToken))
        {
            // A redelivered trigger (at-least-once): the analysis exists and rewriting it would re-trigger delivery.
            Log.AlreadyAnalyzed(logger, blobName);
            return;
        }

        Article? article;
        try
        {
            article = await JsonSerializer.DeserializeAsync<Article>(articleJson, AlertsJson.Options, cancellationToken);
        }
        catch (JsonException e)
        {
            // Bad input is quarantined at once, not retried into the poison queue.
            Log.ArticleUnreadable(logger, blobName, e.Message);
            throw new UnreadableBlobException($"not an article: {e.Message}");
        }

        if (article is null || string.IsNullOrWhiteSpace(article.Text))
        {
            Log.ArticleUnreadable(logger, blobName, "no text");
            throw new UnreadableBlobException("the article has no text");
        }

        var analysis = await analyzer.AnalyzeAsync(article, cancellationToken);
        await store.TryCreateAsync(PipelineNames.AnalysesContainer, blobName, analysis, cancellationToken);
    }
}
