namespace Alerts.Analysis;

/// <summary>Entities and sentiment for a text: Azure AI Language in production, the offline analyzer by default.</summary>
public interface ITextAnalyzer
{
    /// <summary>"offline" or "azure-language"; recorded on every analysis.</summary>
    string Name { get; }

    /// <summary>True when every character sent costs money (text records): <see cref="ArticleAnalyzer"/> then sends only
    /// the paragraphs that carry an on-topic statement.</summary>
    bool IsMetered => false;

    Task<TextAnalysis> AnalyzeAsync(string text, string? language, CancellationToken cancellationToken);

    /// <summary>Analyses only <paramref name="spans"/> of <paramref name="text"/>; offsets in the result are still
    /// offsets into <paramref name="text"/>.</summary>
    Task<TextAnalysis> AnalyzeAsync(string text, IReadOnlyList<TextSpan> spans, string? language, CancellationToken cancellationToken)
        => AnalyzeAsync(text, language, cancellationToken);
}

/// <summary>A piece of a text: start and length in UTF-16 code units.</summary>
public readonly record struct TextSpan(int Offset, int Length)
{
    public int End => Offset + Length;
}

public sealed record SentenceSentiment(int Offset, int Length, SentimentScore Sentiment);

/// <param name="TextRecords">Billed 1,000-character text records (0 for the offline analyzer).</param>
public sealed record TextAnalysis(
    IReadOnlyList<Entity> Entities,
    SentimentScore Document,
    IReadOnlyList<SentenceSentiment> Sentences,
    int TextRecords);
