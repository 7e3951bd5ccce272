namespace Alerts.Novelty;

/// <summary>One clause of a statement reduced to what it asserts: its concepts (language-neutral), the numbers it
/// names and whether it is negated. Two wordings of one claim in English or Spanish give the same concepts.</summary>
public sealed record Claim(IReadOnlyList<string> Concepts, IReadOnlyList<string> Numbers, bool Negated)
{
    /// <summary>Weighted share of this claim's concepts that <paramref name="known"/> contains, 0 to 1. A claim that
    /// adds a number, or differs in negation, is another claim whatever its words.</summary>
    public double CoveredBy(Claim known)
    {
        if (Negated != known.Negated || Numbers.Any(n => !known.Numbers.Contains(n)))
        {
            return 0;
        }

        double total = 0, covered = 0;
        foreach (var concept in Concepts)
        {
            var weight = ConceptLexicon.Weight(concept);
            total += weight;
            if (known.Concepts.Contains(concept))
            {
                covered += weight;
            }
        }

        return total == 0 ? 1 : covered / total;
    }

    /// <summary>Concepts that say something beyond the watched topic: what MinHash bands are drawn from.</summary>
    public IEnumerable<string> Distinctive()
    {
        var distinctive = Concepts.Where(c => ConceptLexicon.Weight(c) >= 1).ToList();
        return distinctive.Count > 0 ? distinctive : Concepts;
    }
}
