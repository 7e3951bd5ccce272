using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Alerts.Articles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Analysis;

/// <summary>Turns one article into its analysis: entities, sentiment, attributed statements and their topic relevance.
/// Pure apart from the <see cref="ITextAnalyzer"/>: the blob-triggered step and replay both call it.</summary>
/// <remarks><see cref="Article.Text"/> must already be cleaned with <see cref="Alerts.Text.TextCleaner.Clean"/> by
/// whoever stores the article: offsets in the analysis point into that stored text, so cleaning here would break
/// them.</remarks>
public sealed class ArticleAnalyzer(
    ITextAnalyzer textAnalyzer,
    TimeProvider time,
    StatementExtractor extractor,
    TopicScorer topics,
    IOptions<AnalysisOptions> options,
    ILogger<ArticleAnalyzer> logger)
{
    public async Task<ArticleAnalysis> AnalyzeAsync(Article article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = await textAnalyzer.AnalyzeAsync(article.Text, article.Language, cancellationToken);
        var statements = extractor.Extract(article.Text)
            .Select(s => ToStatement(article, s, text.Sentences))
            .ToList();
        var onTopic = statements.Count(s => s.IsOnTopic(options.Value.Threshold));
        Log.ArticleAnalyzed(logger, article.Id, statements.Count, onTopic);
        return new ArticleAnalysis
        {
            ArticleId = article.Id,
            ArticleUrl = article.Url,
            Source = article.Source,
            Title = article.Title,
            Published = article.Published,
            Analyzed = time.GetUtcNow(),
            Analyzer = textAnalyzer.Name,
            Sentiment = text.Document,
            Entities = text.Entities,
            Statements = statements,
            TextRecords = text.TextRecords,
        };
    }

    private Statement ToStatement(Article article, ExtractedStatement found, IReadOnlyList<SentenceSentiment> sentences)
    {
        var relevance = topics.Score(found, article.Title);
        return new Statement(
            StatementId(article.Id, found.Offset, found.Text),
            found.Speaker,
            found.Text,
            found.Kind,
            found.Offset,
            found.Length,
            SentimentOf(found, sentences),
            relevance.Relevance,
            relevance.Cues);
    }

    /// <summary>Same article, place and words give the same id, so re-analysing an article does not duplicate alerts.</summary>
    public static string StatementId(string articleId, int offset, string text)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{articleId}\n{offset}\n{text}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 8);
    }

    private static double SentimentOf(ExtractedStatement found, IReadOnlyList<SentenceSentiment> sentences)
    {
        var end = found.Offset + found.Length;
        var covering = sentences.Where(s => s.Offset < end && found.Offset < s.Offset + s.Length).ToList();
        return covering.Count == 0 ? 0 : Math.Round(covering.Average(s => s.Sentiment.Score), 3);
    }
}
