using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Alerts.Evaluation;

/// <summary>The scorer's view of text, as in shared/eval/score.py: accents and case folded, words of ASCII letters
/// and digits, content words without stop words or single letters.</summary>
internal static partial class ScoreText
{
    private static readonly FrozenSet<string> Stop = """
        a an the and or but of to in on at for with by from as is are was were be been being it its this that these
        those they them their there here he she his her we us our you your i me my not no so if then than which who whom what
        when where why how would could should will shall may might can do does did has have had said says say saying told tells
        also just into over about after before according added adding noted warned stated asked
        el la los las lo un una unos unas de del al que y o en por con para se su sus es son fue ha han era como mas pero
        este esta estos estas ese esa eso esto le les nos ni ya muy sin sobre entre dijo dice afirmo senalo aseguro indico
        """.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    // Python's \w and \s: its word boundaries and optional space are what score.py's abbreviations hinge on.
    private const string PyWord = @"[\p{L}\p{Nd}\p{Nl}\p{No}_]";

    public static string Fold(string? text)
    {
        var s = UsWord().Replace(text ?? "", " usa ");
        s = UsDotted().Replace(s, " usa ");
        s = LoneMojibakeQuote().Replace(s, "'");
        s = s.Normalize(NormalizationForm.FormKD);
        var kept = new StringBuilder(s.Length);
        foreach (var rune in s.EnumerateRunes())
        {
            if (!IsCombining(rune))
            {
                kept.Append(rune.ToString());
            }
        }

        return kept.ToString().ToLowerInvariant();
    }

    public static List<string> Words(string? text)
        => [.. AsciiWord().Matches(Fold(text)).Select(m => m.Value)];

    public static List<string> ContentWords(string? text)
        => [.. Words(text).Where(w => w.Length > 1 && !Stop.Contains(w))];

    /// <summary>The words joined by single spaces: the form speaker keys and verbatim fragments are compared in.</summary>
    public static string Joined(string? text) => string.Join(' ', Words(text));

    // unicodedata.combining is the canonical combining class, which .NET does not expose. Every mark with a non-zero
    // class sorts before U+0345 (class 240, the highest) under canonical reordering, so normalisation tells.
    private static bool IsCombining(Rune rune)
        => Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            && (rune.Value == 0x345 || !("\u0345" + rune.ToString()).Normalize(NormalizationForm.FormD).StartsWith('\u0345'));

    [GeneratedRegex($@"(?<!{PyWord})(?:US|EEUU)(?!{PyWord})")]
    private static partial Regex UsWord();

    [GeneratedRegex($@"(?<!{PyWord})[uU]\.[\s\x1c-\x1f]?[sS]\.(?!{PyWord})|(?<!{PyWord})[eE][eE]\.[\s\x1c-\x1f]?[uU][uU]\.")]
    private static partial Regex UsDotted();

    [GeneratedRegex("\u00e2(?![A-Za-z\u00c0-\u024f])")]
    private static partial Regex LoneMojibakeQuote();

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex AsciiWord();
}
