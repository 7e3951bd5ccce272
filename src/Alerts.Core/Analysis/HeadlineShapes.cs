using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Alerts.Analysis;

/// <summary>One attributed claim read off a headline: the speaker phrase as written and the claim's words.</summary>
internal sealed record HeadlineClaim(string Speaker, string Text);

/// <summary>Reads the shapes by which headlines attribute a claim, punctuated or made from a URL slug:
/// "Speaker VERB …", "Speaker to VERB …" (announced intent), "Speaker to Listener: …", "Speaker …: “quote”",
/// "‘quote’: Speaker answers …", "claim: Speaker", "claim, says Speaker", "claim afirma Speaker [claim]",
/// "claim Speaker says", "claim según Outlet" and, in slug titles, "claim Speaker". Who the phrase names is left to
/// the caller; <c>isKnownPerson</c> tells whether a bare trailing name is someone the article names.</summary>
internal static class HeadlineShapes
{
    private const int MaxSubjectWords = 7;
    private const int MinClaimWords = 3;

    private static readonly FrozenSet<string> Verbs = Folded(Lexicon.SpeechVerbs.Concat(Lexicon.HeadlineVerbs));
    private static readonly FrozenSet<string> Denials = Folded(Lexicon.DenialVerbs);
    private static readonly FrozenSet<string> Complementizers = Folded(Lexicon.Complementizers);
    // Plain sayings lose their verb in the claim; a verb whose object is the statement ("pide …", "rejects …") keeps it.
    private static readonly FrozenSet<string> Sayings = Folded(Lexicon.SpeechVerbs.Except(Lexicon.ObjectSpeechVerbs, StringComparer.OrdinalIgnoreCase));
    private static readonly FrozenSet<string> Listeners = Folded(Lexicon.ListenerVerbs);
    private static readonly FrozenSet<string> Prepositions = Folded(Lexicon.Prepositions.Concat(Lexicon.Particles));
    private static readonly FrozenSet<string> Context = Folded(Lexicon.Prepositions.Concat(Lexicon.HeadlineContext));
    private static readonly FrozenSet<string> ReportMarkers = Folded(["según", "per", "citing"]);

    public static IReadOnlyList<HeadlineClaim> Read(string headline, Func<string, bool> isKnownPerson)
    {
        var line = headline.Trim();
        if (SplitAt(line, ':') is var (left, right))
        {
            return Colon(left, right, isKnownPerson);
        }

        if (SplitDash(line) is var (body, tail))
        {
            // "claim – Sheinbaum" is attributed; "claim – el Financiero" is the site signing its page.
            if (IsShortName(tail) && isKnownPerson(Bare(tail)))
            {
                return Claim(tail, body);
            }

            line = body;
        }

        return Plain(Words(line), isKnownPerson);
    }

    private static List<HeadlineClaim> Colon(string left, string right, Func<string, bool> isKnownPerson)
    {
        if (!IsQuoted(left) && Words(right).Count <= 4 && IsSpeakerRun(Words(right), 0, Words(right).Count))
        {
            return Claim(right, left); // "… no hubo militares de EU: Sheinbaum", "…: 'NBC News'"
        }

        if (!IsQuoted(left) && MidName(Words(left + " " + right), Words(left).Count, isKnownPerson) is { Count: > 0 } after)
        {
            return after; // "This will not happen: Sheinbaum on …", "…: Sheinbaum reafirma …"
        }

        if (IsQuoted(left) && Subject(Words(right)) is { } answering)
        {
            return Claim(answering.Phrase, left); // "‘Not on our soil’: Mexican president answers Trump"
        }

        var lead = Words(left);
        if (IsSpeakerRun(lead, 0, lead.Count))
        {
            return Claim(left, right); // "Sheinbaum: …"
        }

        if (Subject(lead) is { } speaker)
        {
            return Claim(speaker.Phrase, right); // "Sheinbaum advierte: “…”", "Mexican president to Trump: …"
        }

        var run = SpeakerRunEnd(lead, 0);
        if (IsQuoted(right) && run > 0 && run < lead.Count && char.IsLower(Bare(lead[run]).FirstOrDefault('A')))
        {
            return Claim(Join(lead, 0, run), right); // "Trump vuelve a cargar contra México: “…”"
        }

        return Plain(Words(left + " " + right), isKnownPerson);
    }

    private static List<HeadlineClaim> Plain(List<string> words, Func<string, bool> isKnownPerson)
    {
        if (words.Count < MinClaimWords + 1)
        {
            return [];
        }

        if (Subject(words) is { } subject)
        {
            return Claim(subject.Phrase, Join(words, subject.ClaimStart, words.Count));
        }

        var titleCase = IsTitleCase(words);
        for (var v = MinClaimWords; v < words.Count; v++)
        {
            if (!IsVerb(words, v, titleCase))
            {
                continue;
            }

            // "claim, says Speaker" / slug "claim afirma secretario de Defensa de EU claim"
            var end = SpeakerRunEnd(words, v + 1);
            if (end > v + 1)
            {
                var found = Claim(Join(words, v + 1, end), Join(words, 0, v));
                if (words.Count - end >= MinClaimWords && !Context.Contains(Fold(Bare(words[end]))))
                {
                    found.AddRange(Claim(Join(words, v + 1, end), Join(words, end, words.Count)));
                }

                return found;
            }

            if (v == words.Count - 1)
            {
                // "claim Trump says": the speaker stands just before a closing verb.
                var start = v;
                while (start > 0 && v - start < 3 && SpeakerPhrase.IsPersonalNameWord(Bare(words[start - 1])))
                {
                    start--;
                }

                return start < v ? Claim(Join(words, start, v), Join(words, 0, start)) : [];
            }
        }

        for (var i = MinClaimWords; i < words.Count - 1; i++)
        {
            if (MidName(words, i, isKnownPerson) is { Count: > 0 } mid)
            {
                return mid; // slug "no habra intervencion … Sheinbaum reafirma defensa de la soberania"
            }
        }

        var marker = words.FindLastIndex(w => ReportMarkers.Contains(Fold(Bare(w))));
        if (marker >= MinClaimWords && SpeakerRunEnd(words, marker + 1) == words.Count)
        {
            return Claim(Join(words, marker + 1, words.Count), Join(words, 0, marker)); // "claim, según NBC"
        }

        return titleCase ? [] : TrailingName(words, isKnownPerson);
    }

    /// <summary>"claim Name on topic" / "claim Name VERB claim": a name the article knows, after a claim of its own,
    /// followed by what it was about or by a verb.</summary>
    private static List<HeadlineClaim>? MidName(List<string> words, int at, Func<string, bool> isKnownPerson)
    {
        var end = at;
        while (end < words.Count && end - at < 3 && SpeakerPhrase.IsPersonalNameWord(Bare(words[end])))
        {
            end++;
        }

        if (end == at || end >= words.Count - 1 || !isKnownPerson(Join(words, at, end)) || Prepositions.Contains(Fold(Bare(words[at - 1]))))
        {
            return null;
        }

        var next = Fold(Bare(words[end]));
        var verb = IsVerb(words, end, IsTitleCase(words));
        if (!verb && !(Context.Contains(next) && next is not ("de" or "of" or "por" or "by")))
        {
            return null;
        }

        var speaker = Join(words, at, end);
        var found = Claim(speaker, Join(words, 0, at));
        if (verb && words.Count - end - 1 >= MinClaimWords)
        {
            found.AddRange(Claim(speaker, Join(words, Sayings.Contains(next) && !Denials.Contains(next) ? end + 1 : end, words.Count)));
        }

        return found;
    }

    /// <summary>Slug titles lose the colon of "claim: Sheinbaum": a closing name the article knows is the speaker,
    /// unless a preposition binds it to the claim ("… talks with Sheinbaum").</summary>
    private static List<HeadlineClaim> TrailingName(List<string> words, Func<string, bool> isKnownPerson)
    {
        var start = words.Count;
        while (start > 0 && words.Count - start < 3 && SpeakerPhrase.IsPersonalNameWord(Bare(words[start - 1])))
        {
            start--;
        }

        if (start == words.Count || start < MinClaimWords + 1 || Prepositions.Contains(Fold(Bare(words[start - 1])))
            || Lexicon.Determiners.Contains(Bare(words[start - 1])) || !isKnownPerson(Join(words, start, words.Count)))
        {
            return [];
        }

        return Claim(Join(words, start, words.Count), Join(words, 0, start));
    }

    /// <summary>A speaker phrase opening the headline and what follows it: its verb, "to" + verb (intent) or
    /// "to" + listener.</summary>
    private static (string Phrase, int ClaimStart)? Subject(List<string> words)
    {
        var titleCase = IsTitleCase(words);
        for (var v = 1; v <= Math.Min(MaxSubjectWords, words.Count - 2); v++)
        {
            if (words[v - 1].EndsWith(',') || !IsSpeakerRun(words, 0, v))
            {
                continue;
            }

            var word = Fold(Bare(words[v]));
            var subjectEnd = v;
            while (subjectEnd > 1 && Lexicon.Auxiliaries.Contains(Bare(words[subjectEnd - 1])))
            {
                subjectEnd--; // "Sheinbaum Again Rejects …"
            }

            var phrase = Join(words, 0, subjectEnd);
            if (word is "to" or "a")
            {
                var listener = SpeakerRunEnd(words, v + 1);
                if (listener > v + 1)
                {
                    return words.Count - listener >= MinClaimWords ? (phrase, listener) : null; // "X to Trump: stop …"
                }

                // "Trump to designate …": a person's announced intent; the claim keeps the "to".
                return word == "to" && IsPersonRun(words, 0, v) && char.IsLower(Bare(words[v + 1]).FirstOrDefault('A')) ? (phrase, v) : null;
            }

            if (!IsVerb(words, v, titleCase))
            {
                continue;
            }

            var next = Fold(Bare(words[v + 1]));
            // A denial keeps its verb ("niega que …"); a plain verb of saying is dropped with its "that".
            if (Denials.Contains(word))
            {
                return (phrase, v);
            }

            if (Complementizers.Contains(next))
            {
                return (phrase, v + 2);
            }

            // "says …" drops its verb; "calls for …", "tells Fox …" and stance verbs ("rejects …") keep theirs.
            var plainSaying = Sayings.Contains(word) && !Context.Contains(next) && !Listeners.Contains(word);
            return plainSaying ? (phrase, v + 1) : (phrase, v);
        }

        return null;
    }

    private static bool IsVerb(List<string> words, int i, bool titleCase)
    {
        var bare = Bare(words[i]);
        if (bare.Length == 0 || !Verbs.Contains(Fold(bare)) || (!titleCase && char.IsUpper(bare[0])))
        {
            return false;
        }

        // "United States", "Estados Unidos": a verb-like word inside a place name.
        return i == 0 || !Lexicon.Places.Contains(Bare(words[i - 1]) + " " + bare);
    }

    /// <summary>Names, roles, nationalities, places and the particles between them: "Mexican President",
    /// "secretario de Defensa de EU", "AMLO", "NBC News".</summary>
    private static bool IsSpeakerRun(List<string> words, int start, int end)
    {
        if (end <= start || words.Skip(start).Take(end - start).Any(w => Fold(Bare(w)) is "and" or "y"))
        {
            return false;
        }

        return SpeakerRunEnd(words, start) >= end;
    }

    private static bool IsPersonRun(List<string> words, int start, int end)
        => words.Skip(start).Take(end - start).Select(Bare).All(w => SpeakerPhrase.IsPersonalNameWord(w) || IsAcronym(w));

    private static int SpeakerRunEnd(List<string> words, int start)
    {
        var k = start;
        if (k < words.Count && Lexicon.Determiners.Contains(Bare(words[k])))
        {
            k++;
        }

        var titleCase = IsTitleCase(words);
        while (k < words.Count && k - start < MaxSubjectWords)
        {
            var w = Bare(words[k]);
            var speakerWord = (SpeakerPhrase.IsCapitalized(w) && !Lexicon.NotNames.Contains(w) && !(titleCase && Verbs.Contains(Fold(w))))
                || Lexicon.IsRoleWord(w) || Lexicon.Nationalities.Contains(w) || Lexicon.AnonymousHeads.Contains(w);
            var joiner = w is "of" or "de" or "del" or "the" or "la" && k + 1 < words.Count && k > start
                && (SpeakerPhrase.IsCapitalized(Bare(words[k + 1])) || Lexicon.IsRoleWord(Bare(words[k + 1])));
            if (!speakerWord && !joiner)
            {
                break;
            }

            k++;
            if (words[k - 1].EndsWith(',') || IsQuoted(words[k - 1]))
            {
                break;
            }
        }

        // A run that opens with its article needs a head after it.
        return k == start + 1 && Lexicon.Determiners.Contains(Bare(words[start])) ? start : k;
    }

    private static bool IsShortName(string phrase)
    {
        var words = Words(phrase);
        return words.Count <= 3 && words.All(w => SpeakerPhrase.IsPersonalNameWord(Bare(w)));
    }

    private static bool IsAcronym(string word) => word.Length >= 3 && word.All(char.IsUpper);

    // Most words capitalised ("Sheinbaum Stands Firm Against …"): capitals no longer mark names.
    private static bool IsTitleCase(List<string> words)
    {
        var long_ = words.Select(Bare).Where(w => w.Length > 3 && char.IsLetter(w[0])).ToList();
        return long_.Count >= 3 && long_.Count(w => char.IsUpper(w[0])) * 5 >= long_.Count * 4;
    }

    private static List<HeadlineClaim> Claim(string speaker, string text)
    {
        var claim = Unquote(text.Trim().TrimEnd(',', ';', ':', '.', ' ').Trim()).TrimEnd(',', ';', ':', ' ');
        return Words(claim).Count >= MinClaimWords && speaker.Trim().Length > 0
            ? [new HeadlineClaim(Unquote(speaker.Trim().TrimEnd(',', '.')), claim)]
            : [];
    }

    /// <summary>The words inside quotation marks that enclose the whole phrase, or the phrase.</summary>
    private static string Unquote(string s)
        => s.Length >= 2 && Lexicon.OpeningQuoteMarks.Contains(s[0]) && Lexicon.ClosingQuoteMarks.Contains(s[^1]) && s.AsSpan(1, s.Length - 2).IndexOfAny(Lexicon.ClosingQuoteMarks) < 0
            ? s[1..^1].Trim() : s;

    private static bool IsQuoted(string s)
    {
        var t = s.Trim();
        return Unquote(t) != t;
    }

    /// <summary>Splits at the first separator outside quotation marks ("claim: Speaker"; not "10:30").</summary>
    private static (string Left, string Right)? SplitAt(string line, char separator)
    {
        var depth = 0;
        for (var i = 1; i < line.Length - 1; i++)
        {
            var c = line[i];
            if (c is '\u201C' or '\u00AB' || (c == '\u2018' && !char.IsLetter(line[i - 1])))
            {
                depth++;
            }
            else if (c is '\u201D' or '\u00BB' || (c == '\u2019' && !char.IsLetter(line[i + 1])))
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (c == separator && depth == 0 && !(char.IsDigit(line[i - 1]) && char.IsDigit(line[i + 1])))
            {
                return (line[..i].Trim(), line[(i + 1)..].Trim());
            }
        }

        return null;
    }

    /// <summary>"… – el Financiero", "… | Reuters", "… - Sheinbaum": a short tail after a spaced dash or bar.</summary>
    private static (string Body, string Tail)? SplitDash(string line)
    {
        foreach (var dash in new[] { " \u2013 ", " \u2014 ", " | ", " - " })
        {
            var at = line.LastIndexOf(dash, StringComparison.Ordinal);
            if (at > 0 && Words(line[(at + dash.Length)..]).Count <= 4)
            {
                return (line[..at].Trim(), line[(at + dash.Length)..].Trim());
            }
        }

        return null;
    }

    private static string Join(List<string> words, int start, int end) => string.Join(' ', words.Skip(start).Take(end - start));

    private static List<string> Words(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();

    private static string Bare(string word) => word.Trim(',', ';', ':', '!', '?', '"', '\u201C', '\u201D', '\u2018', '\u2019', '\'', '\u00AB', '\u00BB', '(', ')');

    private static FrozenSet<string> Folded(IEnumerable<string> words) => words.Select(Fold).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Lower case without accents: slug titles drop them ("preve" for "prevé").</summary>
    internal static string Fold(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
