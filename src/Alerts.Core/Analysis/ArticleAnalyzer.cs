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
    private static readonly OfflineTextAnalyzer Offline = new();

    public async Task<ArticleAnalysis> AnalyzeAsync(Article article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var subject = topics.Subject(article.Title, article.Text);
        var scored = extractor.Extract(article.Text, article.Title)
            .Select(s => (Statement: s, Relevance: topics.Score(s, subject)))
            .ToList();
        var joined = QuoteContinuations.Join(article.Text, QualifiedStatements.Join(article.Text, LeadInQuotes.Join(article.Text, scored)));
        var found = joined.Select(j => (j.Statement, j.Relevance)).ToList();
        var (text, analyzerName) = await EntitiesAndSentimentAsync(article, found, cancellationToken);
        var context = new StatementContext(article.Text);
        var statements = joined.Select(j => ToStatement(article, j, text.Sentences) with { Context = context.For(j.Statement.Offset, j.Statement.Length) }).ToList();
        var onTopic = statements.Count(s => s.IsOnTopic(options.Value.Threshold));
        Log.ArticleAnalyzed(logger, article.Id, statements.Count, onTopic);
        return new ArticleAnalysis
        {
            ArticleId = article.Id,
            ArticleUrl = article.Url,
            Source = article.Source,
            Title = article.Title,
            Published = article.Published,
            Language = article.Language,
            Analyzed = time.GetUtcNow(),
            Analyzer = analyzerName,
            Sentiment = text.Document,
            Entities = text.Entities,
            Statements = statements,
            TextRecords = text.TextRecords,
        };
    }

    /// <summary>A free analyzer reads the whole article. A metered one (Azure AI Language) is sent only the paragraphs
    /// holding an on-topic statement: the service's answer changes sentiment and entities, never relevance, so no other
    /// paragraph can produce an alert. The rest of the article is analysed offline, free; an article without an on-topic
    /// statement costs nothing.</summary>
    private async Task<(TextAnalysis Text, string Analyzer)> EntitiesAndSentimentAsync(
        Article article, List<(ExtractedStatement Statement, TopicRelevance Relevance)> found, CancellationToken cancellationToken)
    {
        if (!textAnalyzer.IsMetered)
        {
            return (await textAnalyzer.AnalyzeAsync(article.Text, article.Language, cancellationToken), textAnalyzer.Name);
        }

        var offline = await Offline.AnalyzeAsync(article.Text, article.Language, cancellationToken);
        var spans = CandidateParagraphs(article.Text, found.Where(f => f.Relevance.Relevance >= options.Value.Threshold).Select(f => f.Statement));
        if (spans.Count == 0)
        {
            return (offline, Offline.Name);
        }

        Log.MeteredSpans(logger, article.Id, spans.Count, spans.Sum(s => s.Length), textAnalyzer.Name);
        TextAnalysis paid;
        try
        {
            paid = await textAnalyzer.AnalyzeAsync(article.Text, spans, article.Language, cancellationToken);
        }
        catch (Exception e) when (UnavailableReason(e) is { } reason)
        {
            // Statements and relevance never depend on the service, only entities and sentiment: a poisoned article
            // (never offered again by fetch) would lose its alerts, while the offline analysis loses a little polish.
            Log.LanguageUnavailable(logger, article.Id, textAnalyzer.Name, reason, e.Message);
            return (offline, $"{Offline.Name} (Language unavailable: {reason})");
        }

        bool Sent(int offset) => spans.Any(s => s.Offset <= offset && offset < s.End);
        var entities = paid.Entities.Concat(offline.Entities.Where(e => !Sent(e.Offset))).OrderBy(e => e.Offset).ToList();
        var sentences = paid.Sentences.Concat(offline.Sentences.Where(s => !Sent(s.Offset))).OrderBy(s => s.Offset).ToList();
        var document = sentences.Count == 0 ? paid.Document : OfflineTextAnalyzer.Score(sentences.Average(s => s.Sentiment.Score));
        return (new TextAnalysis(entities, document, sentences, paid.TextRecords), textAnalyzer.Name);
    }

    /// <summary>Why the metered analyzer gave no answer after its own retries, or null for a failure that is not its
    /// (cancellation, a bug here).</summary>
    private static string? UnavailableReason(Exception e) => e switch
    {
        LanguageServiceException { Status: { } status } when (int)status >= 300 => ((int)status).ToString(CultureInfo.InvariantCulture),
        LanguageServiceException { ErrorCode: LanguageServiceException.MalformedResponse } => "malformed response",
        LanguageServiceException => "empty response",
        HttpRequestException => "connection failed",
        Polly.Timeout.TimeoutRejectedException => "timeout",
        Azure.Identity.AuthenticationFailedException => "sign-in failed",
        _ => null,
    };

    /// <summary>The text records Azure AI Language would bill for an article whose analysis found these on-topic
    /// statements: what <see cref="EntitiesAndSentimentAsync"/> sends, for benchmarks that run the offline analyzer.</summary>
    public static int MeteredTextRecords(string text, IEnumerable<Statement> onTopic)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = CandidateParagraphs(text, onTopic.Select(s => new ExtractedStatement(s.Speaker, s.Text, s.Kind, s.Offset, s.Length, "", null)));
        return BilledRecords(LanguageDocuments.Split(text, spans));
    }

    /// <summary>The naive figure: the whole article sent to Azure AI Language.</summary>
    public static int WholeArticleTextRecords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return BilledRecords(LanguageDocuments.Split(text, [new TextSpan(0, text.Length)]));
    }

    // Entity recognition and sentiment each bill every document (see AzureLanguageTextAnalyzer).
    private static int BilledRecords(List<LanguageDocument> documents) => 2 * documents.Sum(d => d.TextRecords);

    /// <summary>The paragraphs (and the span between, for a quotation running over several) of the given statements.</summary>
    internal static List<TextSpan> CandidateParagraphs(string text, IEnumerable<ExtractedStatement> statements)
    {
        var paragraphs = TextLayout.Paragraphs(text);
        var spans = new List<TextSpan>();
        // A headline statement (Length 0) covers no text: it needs no paragraph sent.
        foreach (var statement in statements.Where(s => s.Length > 0).OrderBy(s => s.Offset))
        {
            var first = paragraphs.FirstOrDefault(p => p.Start <= statement.Offset && statement.Offset < Math.Max(p.End, p.Start + 1));
            var end = statement.Offset + statement.Length;
            var last = paragraphs.LastOrDefault(p => p.Start < end);
            var span = new TextSpan(first.Start, Math.Max(last.End, first.End) - first.Start);
            if (spans.Count > 0 && spans[^1].End >= span.Offset)
            {
                var merged = spans[^1];
                spans[^1] = new TextSpan(merged.Offset, Math.Max(merged.End, span.End) - merged.Offset);
            }
            else if (span.Length > 0)
            {
                spans.Add(span);
            }
        }

        return spans;
    }

    private static Statement ToStatement(Article article, ScoredStatement scored, IReadOnlyList<SentenceSentiment> sentences)
    {
        var (found, relevance) = (scored.Statement, scored.Relevance);
        return new Statement(
            StatementId(article.Id, found.Offset, found.Text),
            found.Speaker,
            Statement.Bounded(found.Text),
            found.Kind,
            found.Offset,
            found.Length,
            SentimentOf(found, sentences),
            relevance.Relevance,
            relevance.Cues)
        {
            Wordings = [.. scored.Wordings.Take(Statement.MaxWordings).Select(Statement.Bounded)],
        };
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
