using System.Globalization;
using System.Text.RegularExpressions;

namespace Alerts.Analysis;

/// <summary>One profile entry: "word", "word*" (any ending), "word|0.6" (weight), matched as whole words ignoring case.</summary>
internal sealed class TopicTerm(string text, double weight, Regex pattern)
{
    // The term's first word, looked for as plain text before the pattern runs: most texts hold few of the terms.
    private readonly string literal = text.TrimEnd('*').Split(' ')[0];

    public string Text { get; } = text;
    public double Weight { get; } = weight;

    public bool Matches(string? input) => input is not null && Contains(input) && pattern.IsMatch(input);

    public IEnumerable<int> Starts(string input) => Contains(input) ? pattern.Matches(input).Select(m => m.Index) : [];

    private bool Contains(string input) => input.Contains(literal, StringComparison.OrdinalIgnoreCase);

    public static List<TopicTerm> ParseAll(IEnumerable<string> entries, double defaultWeight)
        => entries.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => Parse(e, defaultWeight)).ToList();

    public static TopicTerm Parse(string entry, double defaultWeight)
    {
        var bar = entry.LastIndexOf('|');
        var weight = bar > 0 && double.TryParse(entry[(bar + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var w)
            ? Math.Clamp(w, 0, 1) : defaultWeight;
        var text = (bar > 0 ? entry[..bar] : entry).Trim();
        var prefix = text.EndsWith('*');
        var core = Regex.Escape(text.TrimEnd('*')).Replace(@"\ ", @"\s+", StringComparison.Ordinal);
        var ending = prefix ? @"[\p{L}\-]*" : "";
        var pattern = new Regex($@"(?<![\p{{L}}\p{{N}}]){core}{ending}(?![\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        return new TopicTerm(text.TrimEnd('*'), weight, pattern);
    }
}
