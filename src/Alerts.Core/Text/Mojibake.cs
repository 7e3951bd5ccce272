using System.Text;

namespace Alerts.Text;

/// <summary>Undoes UTF-8 text that was decoded with a single-byte code page (cp1252, Latin-1, ISO-8859-2, cp1250).</summary>
internal static class Mojibake
{
    private const char LoneLead = '\u00E2'; // 'â': byte E2, the lead byte of “ ” ‘ ’ – — …

    // A character can stand for different bytes depending on which code page garbled it, so keep every candidate.
    private static readonly Dictionary<char, byte[]> BytesByChar = BuildReverseTable();
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Repair(string text, out bool repaired)
    {
        repaired = false;
        // Twice, for text that was garbled twice ("Ã¢â‚¬â„¢").
        for (var pass = 0; pass < 2; pass++)
        {
            var result = RepairOnce(text, out var changed);
            if (!changed)
            {
                break;
            }

            repaired = true;
            text = result;
        }

        return text;
    }

    /// <summary>Continuation bytes lost in transit leave a lone 'â' (or "â€") where a curly quote or apostrophe was;
    /// the neighbours decide which one it was.</summary>
    public static string RestoreLoneQuotes(string text, bool knownDamaged)
    {
        if (text.IndexOf(LoneLead, StringComparison.Ordinal) < 0 || !(knownDamaged || LooksDamaged(text)))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var open = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                open = false;
            }

            if (c != LoneLead)
            {
                builder.Append(c);
                continue;
            }

            var end = i + 1 < text.Length && text[i + 1] == '\u20AC' ? i + 2 : i + 1; // swallow a surviving "€"
            var previous = i > 0 ? text[i - 1] : '\n';
            var next = end < text.Length ? text[end] : '\n';
            var mark = Decide(text, end, previous, next, open);
            if (mark is null)
            {
                builder.Append(c);
                continue;
            }

            open = mark == '\u201C' || (open && mark == '\u2019');
            builder.Append(mark.Value);
            i = end - 1;
        }

        return builder.ToString();
    }

    private static char? Decide(string text, int end, char previous, char next, bool open)
    {
        if (char.IsLetter(previous) && char.IsLetter(next))
        {
            return '\u2019';
        }

        var afterGap = char.IsWhiteSpace(previous) || previous is '(' or '[' or '\u2014' or '\u2013' or '-' or '\u201C';
        if (afterGap && !char.IsWhiteSpace(next))
        {
            return '\u201C';
        }

        var beforeGap = char.IsWhiteSpace(next) || char.IsPunctuation(next);
        if (!beforeGap || char.IsWhiteSpace(previous))
        {
            return null;
        }

        // "the organizationsâ presence": a possessive when a real closing mark still follows in the paragraph.
        var possessive = previous is 's' or 'S' && next == ' ' && end + 1 < text.Length && char.IsLower(text[end + 1])
            && (!open || ClosingFollows(text, end));
        return possessive ? '\u2019' : '\u201D';
    }

    private static bool ClosingFollows(string text, int from)
    {
        for (var i = from; i < text.Length && text[i] != '\n'; i++)
        {
            if (text[i] == LoneLead && i > 0 && !char.IsWhiteSpace(text[i - 1])
                && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]) || char.IsPunctuation(text[i + 1])))
            {
                return true;
            }
        }

        return false;
    }

    // A correct 'â' (French "pâte", Portuguese "Câmara") sits inside words; damage shows at word edges.
    private static bool LooksDamaged(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != LoneLead)
            {
                continue;
            }

            var previous = i > 0 ? text[i - 1] : '\n';
            var next = i + 1 < text.Length ? text[i + 1] : '\n';
            if ((char.IsWhiteSpace(previous) && char.IsUpper(next))
                || (previous is '.' or ',' or '!' or '?' && (char.IsWhiteSpace(next) || next == '\n')))
            {
                return true;
            }
        }

        return false;
    }

    private static string RepairOnce(string text, out bool changed)
    {
        changed = false;
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (TryDecodeAt(text, i, out var decoded, out var consumed))
            {
                builder ??= new StringBuilder(text.Length).Append(text, 0, i);
                builder.Append(decoded);
                i += consumed - 1;
                changed = true;
                continue;
            }

            builder?.Append(text[i]);
        }

        return builder?.ToString() ?? text;
    }

    private static bool TryDecodeAt(string text, int index, out string decoded, out int consumed)
    {
        decoded = "";
        consumed = 0;
        if (!BytesByChar.TryGetValue(text[index], out var leads))
        {
            return false;
        }

        foreach (var lead in leads)
        {
            var length = lead switch
            {
                >= 0xC2 and <= 0xDF => 2,
                >= 0xE0 and <= 0xEF => 3,
                >= 0xF0 and <= 0xF4 => 4,
                _ => 0,
            };
            if (length == 0 || index + length > text.Length)
            {
                continue;
            }

            var bytes = new byte[length];
            bytes[0] = lead;
            if (TryContinuations(text, index, bytes, 1, out decoded))
            {
                consumed = length;
                return true;
            }
        }

        return false;
    }

    private static bool TryContinuations(string text, int index, byte[] bytes, int position, out string decoded)
    {
        decoded = "";
        if (position == bytes.Length)
        {
            return TryDecode(bytes, out decoded);
        }

        if (!BytesByChar.TryGetValue(text[index + position], out var candidates))
        {
            return false;
        }

        foreach (var candidate in candidates)
        {
            if (candidate is < 0x80 or > 0xBF)
            {
                continue;
            }

            bytes[position] = candidate;
            if (TryContinuations(text, index, bytes, position + 1, out decoded))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryDecode(byte[] bytes, out string decoded)
    {
        decoded = "";
        try
        {
            decoded = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        return decoded.Length > 0 && IsPlausible(decoded);
    }

    // Only what real text holds: accented Latin letters, Greek/Cyrillic, typographic punctuation, € and ™.
    // This keeps a correct "É" followed by a curly quote from turning into an IPA letter.
    private static bool IsPlausible(string decoded)
    {
        var c = char.ConvertToUtf32(decoded, 0);
        return c is (>= 0xA0 and <= 0x24F) or (>= 0x370 and <= 0x4FF) or (>= 0x2010 and <= 0x2044)
            or 0x20AC or 0x2122 or (>= 0x1F300 and <= 0x1FAFF);
    }

    private static Dictionary<char, byte[]> BuildReverseTable()
    {
        var provider = CodePagesEncodingProvider.Instance;
        // ISO-8859-2 first: the corpus shows it ("FarfĂĄn"); cp1252 is the commonest in the wild.
        Encoding[] encodings =
        [
            provider.GetEncoding(28592)!,
            provider.GetEncoding(1252)!,
            provider.GetEncoding(1250)!,
            Encoding.Latin1,
        ];
        var table = new Dictionary<char, List<byte>>();
        foreach (var encoding in encodings)
        {
            for (var b = 0x80; b <= 0xFF; b++)
            {
                var s = encoding.GetString([(byte)b]);
                if (s.Length != 1 || s[0] == '\uFFFD' || (s[0] == '?' && b != '?'))
                {
                    continue;
                }

                if (!table.TryGetValue(s[0], out var list))
                {
                    table[s[0]] = list = [];
                }

                if (!list.Contains((byte)b))
                {
                    list.Add((byte)b);
                }
            }
        }

        return table.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
    }
}
