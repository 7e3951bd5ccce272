using System.Globalization;
using System.Text;

namespace Alerts.Evaluation;

/// <summary>The verdict of every alert, the required groups missed, and the figures of score.py's last line.</summary>
public sealed class Scorecard(IReadOnlyList<AlertVerdict> verdicts, IReadOnlyList<string> missed, double recall)
{
    public IReadOnlyList<AlertVerdict> Verdicts => verdicts;

    /// <summary>Required groups no alert was credited to, in ordinal order.</summary>
    public IReadOnlyList<string> Missed => missed;

    public double Recall => recall;

    /// <summary>NEW over all alerts but OPTIONAL ones (0 when every alert is OPTIONAL).</summary>
    public double Precision => Judged == 0 ? 0 : (double)Count(VerdictKind.New) / Judged;

    public int Alerts => verdicts.Count;

    private int Judged => verdicts.Count - Count(VerdictKind.Optional);

    public int Count(VerdictKind kind) => verdicts.Count(v => v.Kind == kind);

    /// <summary>score.py's last line, byte for byte.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"recall {Recall:F2} precision {Precision:F2} dup {Count(VerdictKind.Dup)} offtopic {Count(VerdictKind.Offtopic)} misattributed {Count(VerdictKind.Misattributed)} unmatched {Count(VerdictKind.Unmatched)} alerts {Alerts}");

    /// <summary>What score.py --verbose prints before the last line: one row per alert, then the missed groups.</summary>
    public IEnumerable<string> VerboseLines()
    {
        foreach (var v in verdicts)
        {
            yield return $"{Pad(v.Label, 28)} | {Pad(Cut(v.Alert.Speaker, 30), 30)} | {Cut(v.Alert.Text, 110)}";
        }

        yield return "missed: " + string.Join(", ", missed);
    }

    // Python slices and pads by code point, not by UTF-16 unit.
    private static string Cut(string text, int codePoints)
    {
        var end = 0;
        for (var n = 0; n < codePoints && end < text.Length; n++)
        {
            end += char.IsSurrogatePair(text, end) ? 2 : 1;
        }

        return text[..end];
    }

    private static string Pad(string text, int codePoints)
    {
        var length = text.Length - text.Where((c, i) => char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])).Count();
        return length >= codePoints ? text : new StringBuilder(text).Append(' ', codePoints - length).ToString();
    }
}
