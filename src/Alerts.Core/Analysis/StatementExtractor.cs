namespace Alerts.Analysis;

/// <summary>A statement found in article text, before sentiment and topic relevance are known.</summary>
/// <param name="Text">The quotation or reported clause. For a quotation split around its attribution the parts are
/// joined, and <see cref="Offset"/>/<see cref="Length"/> cover the whole span from the first to the last part.</param>
/// <param name="Paragraph">The paragraph holding the statement, for context-aware scoring.</param>
/// <param name="PreviousParagraph">The paragraph before it, or null.</param>
public sealed record ExtractedStatement(
    Speaker Speaker,
    string Text,
    StatementKind Kind,
    int Offset,
    int Length,
    string Paragraph,
    string? PreviousParagraph);

/// <summary>Finds attributed statements in cleaned article text (see <see cref="Alerts.Text.TextCleaner"/>): direct
/// quotations in straight, curly and «» marks, quotations split around or continued past their attribution, indirect
/// speech ("X said on Friday that …"), "according to X" and media reports, in English and Spanish.</summary>
/// <remarks>
/// Partial quotations inside a sentence ("called it a “serious threat”") stay in the sentence they belong to: that
/// sentence is one statement, Direct when quoted words make up at least half of it and Indirect otherwise.
/// Quotations with nobody to attribute them to (scare quotes, titles) are dropped.
/// </remarks>
public sealed class StatementExtractor
{
    private readonly ExtractionLimits limits = new(MaxSpeakerWords: 16, MinStatementWords: 3);

    public IReadOnlyList<ExtractedStatement> Extract(string text) => Extract(text, null);

    /// <param name="title">The headline, whose full names seed speaker resolution ("Sheinbaum" in the text is the
    /// "Claudia Sheinbaum" of the headline).</param>
    public IReadOnlyList<ExtractedStatement> Extract(string text, string? title)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new StatementExtraction(text, limits, title).Run();
    }
}

internal sealed record ExtractionLimits(int MaxSpeakerWords, int MinStatementWords);
