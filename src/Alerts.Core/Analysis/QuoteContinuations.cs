namespace Alerts.Analysis;

/// <summary>
/// Joins the sentences of one quotation that lean on its context together: in "The cartels are killing our citizens.
/// We have to restore the rule of law. The president has to use every power he has.", the last two name nothing of
/// the topic themselves (no action, actor or place of their own, only the paragraph's), so they are not two claims
/// but one, and two alerts would each read as a fragment of it. A sentence with topic words of its own still stands
/// as its own claim (<see cref="QuoteClaims"/>); only neighbours that both lack them, in one quotation with nothing
/// but spaces between them, are joined.
/// </summary>
internal static class QuoteContinuations
{
    public static IReadOnlyList<ScoredStatement> Join(string text, IReadOnlyList<ScoredStatement> found)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(found);
        var order = Enumerable.Range(0, found.Count).OrderBy(i => found[i].Statement.Offset).ToList();
        var result = new List<ScoredStatement>(found.Count);
        ScoredStatement? open = null;
        foreach (var i in order)
        {
            var next = found[i];
            if (open is not null && Continues(text, open, next))
            {
                open = Joined(open, next);
                continue;
            }

            if (open is not null)
            {
                result.Add(open);
            }

            open = next;
        }

        if (open is not null)
        {
            result.Add(open);
        }

        return result.Count == found.Count ? found : result;
    }

    private static bool Continues(string text, ScoredStatement before, ScoredStatement after)
    {
        var (first, second) = (before.Statement, after.Statement);
        if (first.Kind != StatementKind.Direct || second.Kind != StatementKind.Direct || first.Speaker != second.Speaker
            || OwnTopicWords(before) || OwnTopicWords(after))
        {
            return false;
        }

        var (from, to) = (first.Offset + first.Length, second.Offset);
        // One quotation: the next sentence follows after spaces, with no closing mark, attribution or paragraph break.
        return from <= to && to <= text.Length && to - from <= 3 && text[from..to].All(c => c is ' ' or '\u00A0');
    }

    /// <summary>Cues without a "paragraph:", "previous:", "title:" or "lead:" prefix are the statement's own words.</summary>
    private static bool OwnTopicWords(ScoredStatement statement) => statement.Relevance.Cues.Any(c => !c.Contains(':', StringComparison.Ordinal));

    private static ScoredStatement Joined(ScoredStatement first, ScoredStatement second)
    {
        var end = second.Statement.Offset + second.Statement.Length;
        var statement = first.Statement with
        {
            Text = $"{first.Statement.Text} {second.Statement.Text}",
            Length = end - first.Statement.Offset,
        };
        var stronger = first.Relevance.Relevance >= second.Relevance.Relevance ? first.Relevance : second.Relevance;
        var relevance = stronger with { Cues = [.. first.Relevance.Cues.Union(second.Relevance.Cues, StringComparer.Ordinal)] };
        return new ScoredStatement(statement, relevance, [.. first.Wordings, .. second.Wordings]);
    }
}
