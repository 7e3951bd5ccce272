namespace Alerts.Analysis;

/// <summary>Entities and sentiment for a text: Azure AI Language in production, the offline analyzer by default.</summary>
public interface ITextAnalyzer
{
    /// <summary>"offline" or "azure-language"; recorded on every analysis.</summary>
    string Name { get; }

    Task<TextAnalysis> AnalyzeAsync(string text, string? language, CancellationToken cancellationToken);
}

public sealed record SentenceSentiment(int Offset, int Length, SentimentScore Sentiment);

/// <param name="TextRecords">Billed 1,000-character text records (0 for the offline analyzer).</param>
public sealed record TextAnalysis(
    IReadOnlyList<Entity> Entities,
    SentimentScore Document,
    IReadOnlyList<SentenceSentiment> Sentences,
    int TextRecords);
