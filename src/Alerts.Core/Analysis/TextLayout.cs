using System.Text.RegularExpressions;
using System.Collections.Frozen;

namespace Alerts.Analysis;

/// <summary>A half-open range [Start, End) of UTF-16 code units in the article text.</summary>
internal readonly record struct TextRange(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(int index) => index >= Start && index < End;
}

/// <summary>A quotation: the marks and what is between them. <see cref="Closed"/> is false when the paragraph ends
/// first (the quote goes on in the next paragraph).</summary>
internal sealed record Quote(int Paragraph, int Open, int InnerStart, int InnerEnd, int Close, bool Closed);

internal readonly record struct Token(string Word, int Start, int End, bool EndsClause);

/// <summary>Paragraphs, quotations, sentences and tokens of cleaned text.</summary>
internal static partial class TextLayout
{
    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "adm", "lt", "col", "maj", "capt", "sgt", "prof", "st", "jr",
        "sr", "sra", "srta", "u.s", "u.n", "u.k", "e.u", "a.m", "p.m", "jan", "feb", "aug", "sept", "sep", "oct", "nov",
        "dec", "inc", "corp", "co", "no", "vs", "etc", "lic", "ing", "d.c", "ee.uu", "pres", "gral", "reps", "sens", "govs", "gens",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<TextRange> Paragraphs(string text)
    {
        var paragraphs = new List<TextRange>();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var (s, e) = Trim(text, start, end);
            if (e > s)
            {
                paragraphs.Add(new TextRange(AfterDateline(text, s, e), e));
            }

            start = end + 1;
        }

        return paragraphs;
    }

    /// <summary>"CIUDAD DE MÉXICO (apro).- La …", "Ciudad de México, 1 sep (EFE).- La …", "WASHINGTON (AP) — The …": the
    /// place, date and agency before a wire story's first word are no part of its first sentence (or its subject).</summary>
    private static int AfterDateline(string text, int start, int end)
    {
        // Most paragraphs have no dateline: look for its separator (a dash of any kind) before running the pattern.
        if (text.AsSpan(start, Math.Min(end - start, 90)).IndexOfAny('\u2014', '\u2013', '-') < 0)
        {
            return start;
        }

        var match = Dateline().Match(text, start, Math.Min(end - start, 90));
        return match.Success ? match.Index + match.Length : start;
    }

    // Spanish wires end the dateline with ".-"; English ones put an all-capital place before a dash.
    [GeneratedRegex(@"\G(?:\p{Lu}[\p{L}\s,.]{1,45}?(?:,?\s*[\p{L}\p{N}\s.]{0,25})?(?:\s*\([\p{L}\s.]{1,20}\))?\s*\.[-–]|\p{Lu}[\p{Lu}\s,.]{1,40}(?:\s*\([\p{L}\s.]{1,20}\))?\s*[-–—])\s*(?=\p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    public static IReadOnlyList<Quote> Quotes(string text, IReadOnlyList<TextRange> paragraphs)
    {
        var quotes = new List<Quote>();
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var range = paragraphs[p];
            if (DialogueQuotes(text, p, range, quotes))
            {
                continue;
            }

            var open = -1;
            var closer = '\0';
            for (var i = range.Start; i < range.End; i++)
            {
                var c = text[i];
                if (open < 0)
                {
                    closer = c switch
                    {
                        '\u201C' => '\u201D',
                        '"' => '"',
                        '\u00AB' => '\u00BB',
                        '\u2018' when IsOpeningSingle(text, i, range) => '\u2019',
                        // A straight single quote opens a quotation only where one starts a paragraph or follows a
                        // colon: elsewhere it is far more often an apostrophe.
                        '\'' when IsOpeningSingle(text, i, range) && (i == range.Start || AfterColon(text, i, range)) => '\'',
                        _ => '\0',
                    };
                    if (closer != '\0')
                    {
                        open = i;
                    }

                    continue;
                }

                var closes = c == closer
                    || (closer == '\u201D' && c == '"')
                    || (closer == '"' && c == '\u201D');
                if (closer is '\u2019' or '\'' && c == closer)
                {
                    closes = i + 1 >= range.End || !char.IsLetter(text[i + 1]);
                }

                if (closes)
                {
                    quotes.Add(new Quote(p, open, open + 1, i, i + 1, true));
                    open = -1;
                }
            }

            if (open >= 0)
            {
                quotes.Add(new Quote(p, open, open + 1, range.End, range.End, false));
            }
        }

        return quotes;
    }

    /// <summary>Sentences of a range; quotations are opaque, so a quoted "Stop. Now." does not end a sentence.</summary>
    public static IReadOnlyList<TextRange> Sentences(string text, TextRange range, IReadOnlyList<Quote> quotes)
    {
        var sentences = new List<TextRange>();
        var start = range.Start;
        for (var i = range.Start; i < range.End; i++)
        {
            var inside = quotes.FirstOrDefault(q => i > q.Open && i < q.Close);
            if (inside is not null && inside.Close <= range.End)
            {
                // A sentence may end inside a quotation that closes right after the terminal mark: "… drug labs.”"
                var closesAfter = i + 1 == inside.InnerEnd && text[i] is '.' or '?' or '!';
                if (!closesAfter)
                {
                    continue;
                }
            }

            if (text[i] is not ('.' or '?' or '!') || IsAbbreviation(text, i))
            {
                continue;
            }

            var end = i + 1;
            while (end < range.End && text[end] is '\u201D' or '"' or '\u2019' or '\u00BB' or ')')
            {
                end++;
            }

            if (end < range.End && !char.IsWhiteSpace(text[end]))
            {
                continue;
            }

            AddTrimmed(sentences, text, start, end);
            start = end;
            i = end - 1;
        }

        AddTrimmed(sentences, text, start, range.End);
        return sentences;
    }

    public static List<Token> Tokens(string text, TextRange range)
    {
        var tokens = new List<Token>();
        var i = range.Start;
        while (i < range.End)
        {
            while (i < range.End && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < range.End && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                var raw = text[start..i];
                var word = raw.Trim('\u201C', '\u201D', '"', '\u00AB', '\u00BB', '\u2018', '(', ')', ',', ';', ':', '!', '?', '\u2014');
                word = word.EndsWith('.') && !IsAbbreviationWord(word) ? word[..^1] : word;
                var endsClause = raw.EndsWith(',') || raw.EndsWith(",\u201D", StringComparison.Ordinal)
                    || raw.EndsWith(",\"", StringComparison.Ordinal) || raw.EndsWith(';') || raw.EndsWith(':')
                    || raw.EndsWith('\u2014') || raw.EndsWith('\u201D') || raw.EndsWith('"') || raw.EndsWith('\u00BB');
                tokens.Add(new Token(word, start, i, endsClause));
            }
        }

        return tokens;
    }

    public static bool IsAbbreviationWord(string word)
    {
        var bare = word.TrimEnd('.');
        return Abbreviations.Contains(bare) || (bare.Length == 1 && char.IsUpper(bare[0]));
    }

    private static bool IsAbbreviation(string text, int period)
    {
        if (text[period] != '.')
        {
            return false;
        }

        var start = period;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] is not ('(' or '\u201C' or '"'))
        {
            start--;
        }

        var word = text[start..period];
        // "U.S." ends a sentence only when a capitalised word that is not a name-like continuation follows; the
        // common case in news is the middle of a sentence ("the U.S. military"), so treat it as an abbreviation.
        return IsAbbreviationWord(word);
    }

    private static void AddTrimmed(List<TextRange> ranges, string text, int start, int end)
    {
        var (s, e) = Trim(text, start, end);
        if (e > s)
        {
            ranges.Add(new TextRange(s, e));
        }
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    /// <summary>Spanish dialogue: "—No necesitamos tropas —dijo el secretario—. Tenemos la capacidad." The dash that
    /// opens the paragraph opens the quotation, " —" closes it, and what follows the attribution's closing dash goes on
    /// with it.</summary>
    private static bool DialogueQuotes(string text, int p, TextRange range, List<Quote> quotes)
    {
        if (text[range.Start] != '\u2014' || range.Length < 4)
        {
            return false;
        }

        var close = text.IndexOf(" \u2014", range.Start + 1, range.Length - 1, StringComparison.Ordinal);
        if (close < 0)
        {
            quotes.Add(new Quote(p, range.Start, range.Start + 1, range.End, range.End, true));
            return true;
        }

        quotes.Add(new Quote(p, range.Start, range.Start + 1, close, close + 2, true));
        var resume = text.IndexOf('\u2014', close + 2, range.End - (close + 2));
        if (resume > 0)
        {
            var inner = resume + 1;
            while (inner < range.End && (char.IsWhiteSpace(text[inner]) || text[inner] is '.' or ','))
            {
                inner++;
            }

            if (inner < range.End)
            {
                quotes.Add(new Quote(p, resume, inner, range.End, range.End, true));
            }
        }

        return true;
    }

    private static bool AfterColon(string text, int i, TextRange range)
    {
        var k = i - 1;
        while (k > range.Start && char.IsWhiteSpace(text[k]))
        {
            k--;
        }

        return k >= range.Start && text[k] == ':';
    }

    private static bool IsOpeningSingle(string text, int i, TextRange range)
        => (i == range.Start || !char.IsLetterOrDigit(text[i - 1])) && i + 1 < range.End && !char.IsWhiteSpace(text[i + 1]);
}
