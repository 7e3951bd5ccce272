using System.Text.RegularExpressions;

namespace Alerts.Analysis;

/// <summary>
/// Joins a qualification to the statement it qualifies: "The designation gives Washington grounds to intervene, the
/// president said, but, she added, that does not mean it will happen" is one statement, and an alert for its first
/// half alone leaves the hedge out. Told by shape: the same speaker, one sentence, and between the two nothing but the
/// attribution and a contrastive conjunction. The text is both halves joined by that conjunction, with the
/// attribution left out as a quotation splits around its own.
/// </summary>
internal static partial class QualifiedStatements
{
    // The attribution between the halves: a speech verb and the speaker's name or role, no more.
    private const int MaxGap = 90;

    public static IReadOnlyList<ScoredStatement> Join(string text, IReadOnlyList<ScoredStatement> found)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(found);
        var order = Enumerable.Range(0, found.Count)
            .Where(i => found[i].Statement.Length > 0)
            .OrderBy(i => found[i].Statement.Offset)
            .ToList();
        var qualifies = new Dictionary<int, (int Qualified, string Conjunction)>();
        for (var k = 0; k + 1 < order.Count; k++)
        {
            var (first, second) = (found[order[k]].Statement, found[order[k + 1]].Statement);
            if (second.Kind == StatementKind.Indirect && first.Speaker == second.Speaker && !qualifies.ContainsKey(order[k])
                && ContrastBetween(text, first, second) is { } conjunction)
            {
                qualifies[order[k + 1]] = (order[k], conjunction);
            }
        }

        if (qualifies.Count == 0)
        {
            return found;
        }

        var joined = qualifies.ToDictionary(q => q.Value.Qualified, q => q.Key);
        var result = new List<ScoredStatement>(found.Count - qualifies.Count);
        for (var i = 0; i < found.Count; i++)
        {
            if (qualifies.ContainsKey(i))
            {
                continue;
            }

            if (!joined.TryGetValue(i, out var q))
            {
                result.Add(found[i]);
                continue;
            }

            var (first, second) = (found[i], found[q]);
            var end = second.Statement.Offset + second.Statement.Length;
            var statement = first.Statement with
            {
                Text = $"{first.Statement.Text.TrimEnd(',', ' ')}, {qualifies[q].Conjunction} {second.Statement.Text}",
                Length = end - first.Statement.Offset,
            };
            // One statement, on topic as its main clause is; the qualification's cues join it.
            var relevance = first.Relevance with { Cues = [.. first.Relevance.Cues.Union(second.Relevance.Cues, StringComparer.Ordinal)] };
            result.Add(new ScoredStatement(statement, relevance, [.. first.Wordings, .. second.Wordings]));
        }

        return result;
    }

    private static string? ContrastBetween(string text, ExtractedStatement first, ExtractedStatement second)
    {
        var (from, to) = (first.Offset + first.Length, second.Offset);
        if (from >= to || to > text.Length || to - from > MaxGap)
        {
            return null;
        }

        var gap = text[from..to];
        if (SentenceEnd().IsMatch(gap))
        {
            return null;
        }

        var words = Word().Matches(gap).Select(m => m.Value).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            var two = i + 1 < words.Count ? $"{words[i]} {words[i + 1]}" : null;
            if (two is not null && Lexicon.Contrastive.Contains(two))
            {
                return two.ToLowerInvariant();
            }

            if (Lexicon.Contrastive.Contains(words[i]))
            {
                return words[i].ToLowerInvariant();
            }
        }

        return null;
    }

    [GeneratedRegex(@"[.!?\n]")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
