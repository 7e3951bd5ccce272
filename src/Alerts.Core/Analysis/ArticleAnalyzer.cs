using Alerts.Articles;

namespace Alerts.Analysis;

/// <summary>Turns one article into its analysis: entities, sentiment, attributed statements and their topic relevance.
/// Pure apart from the <see cref="ITextAnalyzer"/>: the blob-triggered step and replay both call it.</summary>
public sealed class ArticleAnalyzer(ITextAnalyzer textAnalyzer, TimeProvider time)
{
    public async Task<ArticleAnalysis> AnalyzeAsync(Article article, CancellationToken cancellationToken)
    {
        var text = await textAnalyzer.AnalyzeAsync(article.Text, article.Language, cancellationToken);
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
            Statements = [],
            TextRecords = text.TextRecords,
        };
    }
}
