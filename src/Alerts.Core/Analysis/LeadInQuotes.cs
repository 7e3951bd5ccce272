using System.Text.RegularExpressions;

namespace Alerts.Analysis;

/// <summary>A statement found in an article with its topic relevance, and the article's other wordings of it.</summary>
/// <param name="Wordings">Other wordings of the same statement in the same article (the summary that introduced a
/// quote): novelty matches later reports against each of them, the alert shows <see cref="ExtractedStatement.Text"/>.</param>
internal sealed record ScoredStatement(ExtractedStatement Statement, TopicRelevance Relevance, IReadOnlyList<string> Wordings);

/// <summary>
/// Joins a reported summary to the quotation it introduces: "Sheinbaum rejected any intervention: «We will not accept
/// it…»" is one statement said once, reported twice, and an alert for each is a duplicate. The pair is told by its
/// shape, not its words: the same speaker, the summary indirect, the quotation direct and opening right after it with
/// nothing but punctuation between (the colon or full stop, a paragraph break, the opening mark). The quotation keeps the original words, so
/// it is what the alert shows; the summary stays as a second wording for matching later reports.
/// </summary>
internal static partial class LeadInQuotes
{
    public static IReadOnlyList<ScoredStatement> Join(string text, IReadOnlyList<(ExtractedStatement Statement, TopicRelevance Relevance)> found)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(found);
        var order = Enumerable.Range(0, found.Count)
            .Where(i => found[i].Statement.Length > 0)
            .OrderBy(i => found[i].Statement.Offset)
            .ToList();
        var introducedBy = new Dictionary<int, int>();
        for (var k = 0; k + 1 < order.Count; k++)
        {
            var summary = found[order[k]].Statement;
            if (summary.Kind != StatementKind.Indirect)
            {
                continue;
            }

            // The next quotation, past any statement the rest of the summary's sentence reports ("…rejected the
            // senator's remarks, who had proposed sending troops.").
            for (var n = k + 1; n < order.Count; n++)
            {
                var quote = found[order[n]].Statement;
                var adjacent = n == k + 1;
                if (quote.Kind == StatementKind.Direct && OneVoice(summary, quote) && !introducedBy.ContainsKey(order[n])
                    && ((adjacent && OnlyPunctuationBetween(text, summary, quote)) || OpensTheNextParagraph(text, summary, quote)))
                {
                    introducedBy[order[n]] = order[k];
                    break;
                }

                // A later summary by the same speaker is the one that introduces the quotation, if any does.
                if ((quote.Speaker == summary.Speaker && quote.Kind == StatementKind.Indirect)
                    || !OpensTheNextParagraph(text, summary, quote, ownQuote: false))
                {
                    break;
                }
            }
        }

        var joined = introducedBy.Values.ToHashSet();
        var result = new List<ScoredStatement>(found.Count - joined.Count);
        for (var i = 0; i < found.Count; i++)
        {
            if (joined.Contains(i))
            {
                continue;
            }

            var (statement, relevance) = found[i];
            if (introducedBy.TryGetValue(i, out var s))
            {
                // The alert shows the quotation, so its topic is the quotation's own (in its context): a summary's
                // cues must not carry an off-topic quote, nor an off-topic summary hide an on-topic one.
                result.Add(new ScoredStatement(statement, relevance, [found[s].Statement.Text]));
            }
            else
            {
                result.Add(new ScoredStatement(statement, relevance, []));
            }
        }

        return result;
    }

    /// <summary>The same speaker, or an institution's summary and the quote of the one who speaks for it ("the
    /// ministry said it had all the powers it needs. ¶ «We need no new ones», said its spokeswoman, Ana Ruiz.").</summary>
    private static bool OneVoice(ExtractedStatement summary, ExtractedStatement quote)
        => quote.Speaker == summary.Speaker
            || (summary.Speaker.Kind == SpeakerKind.Organization && quote.Speaker.Kind == SpeakerKind.Person
                && WordSplit().Split(quote.Paragraph).Any(Lexicon.SpokespersonWords.Contains));

    private static bool OnlyPunctuationBetween(string text, ExtractedStatement summary, ExtractedStatement quote)
    {
        var (from, to) = (summary.Offset + summary.Length, quote.Offset);
        if (from > to || to > text.Length || to - from > MaxGap)
        {
            return false;
        }

        for (var i = from; i < to; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                return false;
            }
        }

        // The quotation opens right there: a sentence that merely contains quoted words is a report of its own.
        return to > from && Lexicon.OpeningQuoteMarks.Contains(text[to - 1]);
    }

    /// <summary>The summary's sentence ends its paragraph and the quotation opens the next one: "Sheinbaum rejected
    /// the senator's remarks, who had proposed sending troops. ¶ «We do not agree with that…», she stressed." With
    /// <paramref name="ownQuote"/> false: whether a statement lies within that stretch at all (the rest of the sentence).</summary>
    private static bool OpensTheNextParagraph(string text, ExtractedStatement summary, ExtractedStatement quote, bool ownQuote = true)
    {
        var (from, to) = (summary.Offset + summary.Length, quote.Offset);
        if (from > to || to > text.Length || to - from > MaxSentenceRest)
        {
            return false;
        }

        var gap = text[from..to];
        var breakAt = gap.IndexOf('\n', StringComparison.Ordinal);
        if (!ownQuote)
        {
            // A statement inside the rest of the summary's own sentence.
            return breakAt < 0 && !SentenceBreak().IsMatch(gap);
        }

        if (breakAt < 0 || !Lexicon.OpeningQuoteMarks.Contains(text[to - 1]))
        {
            return false;
        }

        // Up to the break, the rest of one sentence; after it, blank lines and the opening mark only.
        var rest = gap[..breakAt].TrimEnd();
        return rest.Length > 0 && rest[^1] is '.' or '!' or '?' && !SentenceBreak().IsMatch(rest)
            && gap[breakAt..^1].All(char.IsWhiteSpace);
    }

    // A full stop that ends a sentence inside the stretch, not the one of "U.S." or "EE. UU.".
    [GeneratedRegex(@"(?<!\b\p{Lu})[.!?]\s+\p{Lu}")]
    private static partial Regex SentenceBreak();

    // A colon or full stop, a paragraph break, the opening mark: anything longer holds words.
    private const int MaxGap = 6;

    // The rest of the summary's sentence: a clause or two, not a paragraph.
    private const int MaxSentenceRest = 240;

    [GeneratedRegex(@"[^\p{L}]+")]
    private static partial Regex WordSplit();
}
