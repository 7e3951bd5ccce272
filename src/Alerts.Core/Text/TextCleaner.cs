using System.Text;
using System.Text.RegularExpressions;

namespace Alerts.Text;

/// <summary>Repairs and normalises article text: mojibake, quote marks, whitespace, boilerplate.</summary>
/// <remarks>
/// The result has one paragraph per line: every line break in the input ends a paragraph (scraped text rarely keeps
/// hard wraps), paragraphs are separated by exactly one blank line ("\n\n"), and spaces inside a paragraph are
/// collapsed to one. Curly quotes, «guillemets» and straight quotes are kept as written; only rare variants
/// („ ‟ ″ ＂ and TeX-style `` '') become “ ” so that downstream code knows four pairs of marks.
/// </remarks>
public static partial class TextCleaner
{
    public const string ParagraphBreak = "\n\n";

    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var repaired = Mojibake.Repair(text, out var hadMojibake);
        repaired = Mojibake.RestoreLoneQuotes(repaired, hadMojibake);
        repaired = NormaliseMarks(repaired);

        var paragraphs = repaired.Split('\n')
            .Select(NormaliseSpaces)
            .Where(line => line.Length > 0 && !IsBoilerplate(line));
        return string.Join(ParagraphBreak, paragraphs);
    }

    private static string NormaliseMarks(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r':
                    builder.Append('\n');
                    break;
                case '\u00AD' or '\u200B' or '\uFEFF' or '\u2060':
                    break; // soft hyphen and zero-width marks only break word matching
                case '\u201E' or '\u201F':
                    builder.Append('\u201C');
                    break;
                case '\u2033' or '\uFF02':
                    builder.Append('"');
                    break;
                case '\u2028' or '\u2029' or '\u0085':
                    builder.Append('\n');
                    break;
                default:
                    builder.Append(char.IsWhiteSpace(c) && c != '\n' ? ' ' : c);
                    break;
            }
        }

        return builder.Replace("``", "\u201C").Replace("''", "\u201D").ToString();
    }

    private static string NormaliseSpaces(string line) => Spaces().Replace(line, " ").Trim();

    private static bool IsBoilerplate(string line)
        => line.Length <= 400 && Boilerplate().IsMatch(line);

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex("""
        ^The\ post\ .+\ appeared\ first\ on\ .+$
        |\bsign\ up\ (?:for|to)\ (?:our|the|my)\b.{0,40}\bnewsletters?\b
        |\bsubscribe\ to\ (?:our|the)\b.{0,40}\b(?:newsletters?|channel|podcast)\b
        |^(?:share\ this\ (?:article|story|post)|click\ here\ to\ (?:subscribe|sign\ up|read\ more)|advertisement|read\ more:?|related:|recommended:)
        |\bclick\ here\ to\ subscribe\b
        |\bget\ (?:stories|the\ news|our\ best\ stories)\b.{0,40}\b(?:inbox|email)\b
        |^(?:suscr[ií]bete|s[ií]guenos\ en|lee\ tambi[eé]n:|te\ puede\ interesar:|comparte\ esta\ (?:nota|noticia))
        |^(?:copyright\ )?©\ ?\d{4}
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Boilerplate();
}
