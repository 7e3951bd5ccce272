using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Alerts.Articles;

/// <summary>
/// Fingerprints of article text for spotting the same story under different URLs. <see cref="Of"/> matches exact
/// syndicated copies; <see cref="Fingerprint"/> with <see cref="Distance"/> matches near copies (an added credit
/// line, a changed byline).
/// </summary>
public static class ContentHash
{
    /// <summary>
    /// Recommended limit for <see cref="Distance"/> over word 3-shingles: at most 8 of 64 bits. The web-scale figure
    /// of 3 bits (Manku et al.) holds for long pages; a news story of 150-500 words moves 3-7 bits when a syndicator
    /// adds a credit line, while unrelated texts sit near 32 bits (binomial, σ = 4), so two different stories fall
    /// within 8 bits by chance with a probability of about 1e-9. Texts of a few dozen words move more per changed word:
    /// compare those with <see cref="Of"/>.
    /// </summary>
    public const int NearDuplicateMaxDistance = 8;

    private const int ShingleWords = 3;

    /// <summary>
    /// SHA-256 (lowercase hex) of the text reduced to lower-case letters and digits separated by single spaces;
    /// apostrophes are dropped so "don’t" and "don't" agree, other punctuation and quotes become spaces.
    /// </summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = string.Join(' ', Words(text));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    /// <summary>Paragraphs this short at either end of a story are bylines, credit lines and "first appeared in"
    /// notes that syndicators add or drop; the fingerprint leaves them out.</summary>
    public const int EdgeParagraphMaxWords = 30;

    /// <summary>64-bit SimHash over word 3-shingles of the story's core (see <see cref="CoreWords"/>); 0 for text
    /// without words.</summary>
    public static ulong Fingerprint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = CoreWords(text);
        if (words.Count == 0)
        {
            return 0;
        }

        Span<int> weights = stackalloc int[64];
        var shingles = Math.Max(1, words.Count - ShingleWords + 1);
        for (var start = 0; start < shingles; start++)
        {
            var hash = HashWords(words, start, Math.Min(ShingleWords, words.Count - start));
            for (var bit = 0; bit < 64; bit++)
            {
                weights[bit] += ((hash >> bit) & 1) == 1 ? 1 : -1;
            }
        }

        ulong fingerprint = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0)
            {
                fingerprint |= 1UL << bit;
            }
        }
        return fingerprint;
    }

    /// <summary>Number of differing bits; see <see cref="NearDuplicateMaxDistance"/>.</summary>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    public static bool AreNearDuplicates(ulong a, ulong b) => Distance(a, b) <= NearDuplicateMaxDistance;

    /// <summary>The words of the text without short paragraphs at its start and end, as long as at least 60% of the
    /// words remain: a credit line added by one outlet moves a SimHash of a 200-word story by 6–10 bits, more than
    /// <see cref="NearDuplicateMaxDistance"/>.</summary>
    internal static List<string> CoreWords(string text)
    {
        var paragraphs = text.Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Words).Where(p => p.Count > 0).ToList();
        var total = paragraphs.Sum(p => p.Count);
        var kept = total;
        int first = 0, last = paragraphs.Count - 1;
        while (first < last && paragraphs[first].Count <= EdgeParagraphMaxWords && kept - paragraphs[first].Count >= total * 0.6)
        {
            kept -= paragraphs[first++].Count;
        }
        while (last > first && paragraphs[last].Count <= EdgeParagraphMaxWords && kept - paragraphs[last].Count >= total * 0.6)
        {
            kept -= paragraphs[last--].Count;
        }

        return [.. paragraphs.Skip(first).Take(last - first + 1).SelectMany(p => p)];
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (IsApostrophe(c))
            {
                continue;
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }
        return words;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '\u00B4' or '`'
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    // FNV-1a over the words, then a SplitMix64 finaliser so every output bit depends on every input bit.
    private static ulong HashWords(List<string> words, int start, int count)
    {
        var hash = 14695981039346656037UL;
        for (var i = start; i < start + count; i++)
        {
            foreach (var c in words[i])
            {
                hash = (hash ^ c) * 1099511628211UL;
            }
            hash = (hash ^ ' ') * 1099511628211UL;
        }
        hash ^= hash >> 30;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 27;
        hash *= 0x94D049BB133111EBUL;
        hash ^= hash >> 31;
        return hash;
    }
}
