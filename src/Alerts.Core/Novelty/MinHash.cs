namespace Alerts.Novelty;

/// <summary>MinHash band keys of a claim's concepts: claims sharing a key are compared, others never are.
/// Deterministic across processes (string.GetHashCode is not), so every instance computes the same bands.</summary>
public static class MinHash
{
    public static IEnumerable<long> Bands(Claim claim, int bands, int rows)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var hashes = claim.Distinctive().Select(Fnv1a).ToArray();
        if (hashes.Length == 0)
        {
            yield break;
        }

        for (var band = 0; band < bands; band++)
        {
            var key = Mix((ulong)band + 0x51ED27UL);
            for (var row = 0; row < rows; row++)
            {
                var seed = Mix((ulong)(band * rows + row + 1) * 0x9E3779B97F4A7C15UL);
                var min = ulong.MaxValue;
                foreach (var hash in hashes)
                {
                    min = Math.Min(min, Mix(hash ^ seed));
                }

                key = Mix(key ^ min);
            }

            yield return (long)key;
        }
    }

    private static ulong Fnv1a(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 0x100000001B3UL;
        }

        return hash;
    }

    // SplitMix64's finaliser: a cheap, well-mixed permutation of 64-bit values.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
