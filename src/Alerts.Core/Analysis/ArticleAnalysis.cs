namespace Alerts.Analysis;

public enum EntityCategory
{
    Person,
    Organization,
    Location,
    PersonType,
    Other,
}

public sealed record Entity(string Text, EntityCategory Category, int Offset, int Length, double Confidence);

/// <summary>Sentiment of a document or sentence: a label and a score from -1 to 1.</summary>
public sealed record SentimentScore(string Label, double Score)
{
    public static SentimentScore Neutral { get; } = new("neutral", 0);
}

/// <summary>What AnalyzeArticle writes to the <c>analyses</c> container (schema version 1).</summary>
public sealed record ArticleAnalysis
{
    public const int CurrentSchemaVersion = 1;

    public required string ArticleId { get; init; }
    public required string ArticleUrl { get; init; }
    public required string Source { get; init; }
    public required string Title { get; init; }
    public DateTimeOffset? Published { get; init; }
    /// <summary>The article's language as its feed or page declared it (en, es-MX), or null.</summary>
    public string? Language { get; init; }
    public required DateTimeOffset Analyzed { get; init; }
    /// <summary>Which analyzer produced entities and sentiment: "offline", "azure-language", or "offline (Language
    /// unavailable: 403)" when Azure AI Language failed (the status, "connection failed", "timeout", "sign-in failed").</summary>
    public required string Analyzer { get; init; }
    public required SentimentScore Sentiment { get; init; }
    public IReadOnlyList<Entity> Entities { get; init; } = [];
    public IReadOnlyList<Statement> Statements { get; init; } = [];
    /// <summary>Billed Azure AI Language text records (1,000-character units); 0 offline.</summary>
    public int TextRecords { get; init; }
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
}
