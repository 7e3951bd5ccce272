namespace Alerts.Novelty;

/// <summary>Whether two wordings share a run of words that says something: a verbatim phrase carried from one to the
/// other ("no estamos de acuerdo", "we have said no"), not a name or a stock phrase of the beat ("of the United
/// States"), which every statement shares.</summary>
public static class SharedPhrase
{
    /// <summary>Words in the run: three is often a stock phrase ("at war with"), five misses short refrains.</summary>
    public const int Words = 4;

    public static bool Between(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var (a, b) = (ConceptLexicon.Tokens(first), ConceptLexicon.Tokens(second));
        if (a.Count < Words || b.Count < Words)
        {
            return false;
        }

        var runs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + Words <= a.Count; i++)
        {
            runs.Add(string.Join(' ', a.GetRange(i, Words)));
        }

        for (var i = 0; i + Words <= b.Count; i++)
        {
            var run = string.Join(' ', b.GetRange(i, Words));
            if (runs.Contains(run) && ConceptLexicon.Reduce(run).Concepts.Any(c => ConceptLexicon.Weight(c) >= 1))
            {
                return true;
            }
        }

        return false;
    }
}
