namespace Alerts.Novelty;

/// <summary>Whether two wordings share a run of words that says something: a verbatim phrase carried from one to the
/// other ("no estamos de acuerdo", "we have said no"), not a name or a stock phrase of the beat ("of the United
/// States"), which every statement shares.</summary>
public static class SharedPhrase
{
    /// <summary>Words in the run: three is often a stock phrase ("at war with"), five misses short refrains.</summary>
    public const int Words = 4;

    /// <summary>Words in a run that, carried between two articles, is the speaker's quote and not a stock phrase.</summary>
    public const int QuotedWords = 6;

    public static bool Between(string first, string second) => Between(first, second, Words);

    public static bool Between(string first, string second, int words)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var (a, b) = (ConceptLexicon.Tokens(first), ConceptLexicon.Tokens(second));
        if (a.Count < words || b.Count < words)
        {
            return false;
        }

        var runs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + words <= a.Count; i++)
        {
            runs.Add(string.Join(' ', a.GetRange(i, words)));
        }

        for (var i = 0; i + words <= b.Count; i++)
        {
            var run = string.Join(' ', b.GetRange(i, words));
            if (runs.Contains(run) && ConceptLexicon.Reduce(run).Concepts.Any(c => ConceptLexicon.Weight(c) >= 1))
            {
                return true;
            }
        }

        return false;
    }
}
