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
        ArgumentNullException.ThrowIfNull(second);
        return Within(second, Runs(first, words), words);
    }

    /// <summary>The runs of <paramref name="words"/> words in <paramref name="text"/>, to test many wordings against.</summary>
    public static IReadOnlySet<string> Runs(string text, int words)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = ConceptLexicon.Tokens(text);
        var runs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + words <= tokens.Count; i++)
        {
            runs.Add(string.Join(' ', tokens.GetRange(i, words)));
        }

        return runs;
    }

    /// <summary>Whether <paramref name="text"/> holds one of <paramref name="runs"/> that says something.</summary>
    public static bool Within(string text, IReadOnlySet<string> runs, int words)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            return false;
        }

        var tokens = ConceptLexicon.Tokens(text);
        for (var i = 0; i + words <= tokens.Count; i++)
        {
            var run = string.Join(' ', tokens.GetRange(i, words));
            if (runs.Contains(run) && ConceptLexicon.Reduce(run).Concepts.Any(c => ConceptLexicon.Weight(c) >= 1))
            {
                return true;
            }
        }

        return false;
    }
}
