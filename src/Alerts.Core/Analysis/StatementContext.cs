namespace Alerts.Analysis;

/// <summary>One sentence of the article that tells a reader what a statement answers or reacts to: the sentence before
/// the statement's own in its paragraph, or, when the statement opens its paragraph, the last sentence of the paragraph
/// before. A sentence that is itself a quotation is another statement, not context: then the lead of the statement's
/// paragraph stands in, when that is not the statement's own sentence.</summary>
internal sealed class StatementContext(string text)
{
    public const int MaxChars = 320;

    private readonly IReadOnlyList<TextRange> paragraphs = TextLayout.Paragraphs(text);
    private IReadOnlyList<Quote>? quotes;

    public string? For(int offset, int length)
    {
        // A headline statement covers no text of the body.
        if (length <= 0 || offset < 0 || offset >= text.Length)
        {
            return null;
        }

        var index = -1;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (paragraphs[i].Start <= offset && offset < Math.Max(paragraphs[i].End, paragraphs[i].Start + 1))
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            return null;
        }

        quotes ??= TextLayout.Quotes(text, paragraphs);
        var sentences = TextLayout.Sentences(text, paragraphs[index], quotes);
        var own = sentences.Count(s => s.Start <= offset);
        var before = own >= 2 ? sentences[own - 2] : (TextRange?)null;
        if (before is null && index > 0)
        {
            var previous = TextLayout.Sentences(text, paragraphs[index - 1], quotes);
            before = previous.Count > 0 ? previous[^1] : null;
        }

        if (before is { } sentence && !IsQuotation(sentence))
        {
            return Clip(sentence);
        }

        // The paragraph's lead, when the statement is not in it.
        return own >= 2 && sentences.Count > 0 && !IsQuotation(sentences[0]) ? Clip(sentences[0]) : null;
    }

    private bool IsQuotation(TextRange sentence) => text[sentence.Start] is '\u201C' or '"' or '\u00AB' or '\u2018' or '\'' or '\u2014';

    private string? Clip(TextRange sentence)
    {
        var words = string.Join(' ', text[sentence.Start..sentence.End].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (words.Length < 12)
        {
            return null;
        }

        if (words.Length <= MaxChars)
        {
            return words;
        }

        var cut = words.LastIndexOf(' ', MaxChars);
        return (cut > MaxChars / 2 ? words[..cut] : words[..MaxChars]).TrimEnd() + "\u2026";
    }
}
