using System.Text.RegularExpressions;

namespace Alerts.Novelty;

/// <summary>Splits a statement into its claims (sentences and clauses) and reduces each to a <see cref="Claim"/>.</summary>
public static partial class ClaimSplitter
{
    public static IReadOnlyList<Claim> Split(string text) => [.. SplitWithClauses(text).Select(c => c.Claim)];

    /// <summary>The claims with the clause each was read from, for evidence that needs the words themselves.</summary>
    public static IReadOnlyList<(Claim Claim, string Clause)> SplitWithClauses(string text)
    {
        var claims = new List<(Claim, string)>();
        foreach (var clause in Clauses(text))
        {
            var claim = ConceptLexicon.Reduce(clause);
            if (claim.Concepts.Count > 0 || claim.Numbers.Count > 0)
            {
                claims.Add((claim, clause));
            }
        }

        return claims;
    }

    public static IEnumerable<string> Clauses(string text)
    {
        // "U.S." and "EE. UU." are one word, not two sentence ends.
        var joined = Abbreviation().Replace(text, m => m.Value.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal));
        joined = joined.Replace("...", ",", StringComparison.Ordinal).Replace("\u2026", ",", StringComparison.Ordinal);
        return ClauseBreak().Split(joined).Select(c => c.Trim()).Where(c => c.Length > 0);
    }

    [GeneratedRegex(@"\b[A-Za-z]{1,2}\.(?:\s?[A-Za-z]{1,2}\.)+")]
    private static partial Regex Abbreviation();

    // Sentence ends, semicolons, colons, dashes, and "but"/"pero"/"however"/"sin embargo" which join two claims.
    [GeneratedRegex(@"(?<=[.!?])\s+|[;:\u2014\u2013]|\s-{1,2}\s|,?\s+(?:but|however|yet|nevertheless|pero|sino|aunque|sin embargo|no obstante)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();
}
