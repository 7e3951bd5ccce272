namespace Alerts.Analysis;

/// <summary>Entities and sentiment without any cloud account (placeholder until the lexicon lands).</summary>
public sealed class OfflineTextAnalyzer : ITextAnalyzer
{
    public string Name => "offline";

    public Task<TextAnalysis> AnalyzeAsync(string text, string? language, CancellationToken cancellationToken)
        => Task.FromResult(new TextAnalysis([], SentimentScore.Neutral, [], 0));
}
