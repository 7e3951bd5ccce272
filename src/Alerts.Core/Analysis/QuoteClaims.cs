namespace Alerts.Analysis;

/// <summary>Step: a quotation of several sentences is one statement per claim. Readers (and the alerts they want)
/// split a quote where its sentences say different things ("It's time we act. We cannot allow …. We must …") and
/// keep it whole where they say one thing: a short sentence ("Yeah, I will be.", "It's off the table.") or one that
/// repeats the one before stays with its neighbour.</summary>
internal static class QuoteClaims
{
    /// <summary>Content words both sides need before a sentence stands as its own claim.</summary>
    private const int MinClaimWords = 5;

    /// <summary>Share of a sentence's content words already said in the claim before: above it, a repetition.</summary>
    private const double RepeatShare = 0.5;

    /// <summary>The claims in the quoted parts, each as the ranges of its sentences in order.</summary>
    public static IReadOnlyList<List<TextRange>> Split(string text, IReadOnlyList<Quote> parts, IReadOnlyList<Quote> quotes)
    {
        var sentences = parts.SelectMany(part => TextLayout.Sentences(text, new TextRange(part.InnerStart, part.InnerEnd), quotes)).ToList();

        var claims = new List<List<TextRange>>();
        var words = new List<HashSet<string>>();
        foreach (var sentence in sentences)
        {
            var content = ContentWords(text, sentence);
            var joins = claims.Count > 0
                && (content.Count < MinClaimWords || words[^1].Count < MinClaimWords || Repeats(content, words[^1])
                    || RunsOn(text, claims[^1][^1], sentence));
            if (joins)
            {
                claims[^1].Add(sentence);
                words[^1].UnionWith(content);
            }
            else
            {
                claims.Add([sentence]);
                words.Add(content);
            }
        }

        return claims;
    }

    private static bool Repeats(HashSet<string> sentence, HashSet<string> claim)
        => sentence.Count > 0 && sentence.Count(claim.Contains) >= RepeatShare * sentence.Count;

    /// <summary>"“We will act,” she said, “when we are ready.”": the earlier range ends mid-sentence (no terminal mark)
    /// and the later one starts in lower case.</summary>
    private static bool RunsOn(string text, TextRange before, TextRange after)
    {
        var end = text[before.Start..before.End].TrimEnd().TrimEnd('\u201D', '"', '\u2019', '\u00BB');
        return end.Length > 0 && end[^1] is not ('.' or '?' or '!' or '\u2026') && after.Length > 0 && char.IsLower(text[after.Start]);
    }

    private static HashSet<string> ContentWords(string text, TextRange range)
        => TextLayout.Tokens(text, range)
            .Select(t => t.Word.ToLowerInvariant())
            .Where(w => w.Length > 1 && !Lexicon.FunctionWords.Contains(w))
            .ToHashSet(StringComparer.Ordinal);
}
