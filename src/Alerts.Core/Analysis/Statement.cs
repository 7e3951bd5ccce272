namespace Alerts.Analysis;

public enum SpeakerKind
{
    Person,
    Organization,
    AnonymousSource,
    Media,
    Unknown,
}

public enum StatementKind
{
    Direct,
    Indirect,
    Report,
}

/// <summary>Who made a statement. <see cref="Name"/> is the canonical (first full) mention in the article.</summary>
public sealed record Speaker(string Name, string? Role, SpeakerKind Kind);

/// <summary>One attributed statement found in an article.</summary>
/// <param name="Offset">Start of <see cref="Text"/> in the article's text (UTF-16 code units).</param>
/// <param name="Sentiment">Sentence sentiment, -1 (negative) to 1 (positive).</param>
/// <param name="Relevance">How strongly it concerns the watched topic, 0 to 1.</param>
/// <param name="Cues">The words or rules that produced the relevance, for operators tuning the topic.</param>
public sealed record Statement(
    string Id,
    Speaker Speaker,
    string Text,
    StatementKind Kind,
    int Offset,
    int Length,
    double Sentiment,
    double Relevance,
    IReadOnlyList<string> Cues)
{
    /// <summary>Longest statement text kept: a quote runs a paragraph or two; more is a page of text the extractor
    /// took for one statement, and every later stage (novelty index, alerts) would carry it whole.</summary>
    public const int MaxTextChars = 2_000;

    /// <summary>Most other wordings kept per statement.</summary>
    public const int MaxWordings = 8;

    /// <summary>The text cut to <see cref="MaxTextChars"/>, marked with an ellipsis when cut.</summary>
    public static string Bounded(string text)
        => (text ?? throw new ArgumentNullException(nameof(text))).Length <= MaxTextChars ? text : string.Concat(text.AsSpan(0, MaxTextChars - 1), "\u2026");

    /// <summary>The article's other wordings of this statement (the summary that introduced the quote), matched
    /// against later reports; the alert shows <see cref="Text"/>.</summary>
    public IReadOnlyList<string> Wordings { get; init; } = [];

    /// <summary>One sentence of the article around the statement (what it answers or reacts to), shown with the alert;
    /// null for a headline statement or where none reads as context.</summary>
    public string? Context { get; init; }

    public bool IsOnTopic(double threshold) => Relevance >= threshold;
}
