using System.Text.RegularExpressions;

namespace Alerts.Analysis;

internal enum MentionForm
{
    FullName,
    Surname,
    Pronoun,
    RoleOnly,
    Group,
    Implicit,
    /// <summary>"the two Republicans", "ambos legisladores": the two people the article named last, speaking together.</summary>
    Pair,
}

/// <summary>How a speaker is named at one place: "Mr. Rubio", "she", "a U.S. official", "the secretary of state".</summary>
internal sealed record SpeakerMention(MentionForm Form, SpeakerKind Kind, string Name, string? Role, Gender Gender)
{
    public static SpeakerMention Implicit { get; } = new(MentionForm.Implicit, SpeakerKind.Unknown, "", null, Gender.Unknown);
}

/// <summary>Reads a noun phrase in subject position as a speaker mention, or says it is not one.</summary>
internal static partial class SpeakerPhrase
{
    public static SpeakerMention? Parse(string phrase)
    {
        var segments = phrase.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.Trim('\u201C', '\u201D', '"', '\u2014', ' ', '.'))
            .Where(s => s.Length > 0)
            .ToList();
        if (segments.Count == 0)
        {
            return null;
        }

        if (segments.Count == 1)
        {
            return ParseSimple(segments[0]);
        }

        // Appositives: "the secretary of state, Marco Rubio" / "Brian Finucane, with the Crisis Group" /
        // "A U.S. official, speaking on the condition of anonymity".
        var first = ParseSimple(segments[0]);
        var second = ParseSimple(segments[1]);
        if (second is { Form: MentionForm.FullName or MentionForm.Surname } && first is null or { Form: MentionForm.RoleOnly or MentionForm.Group })
        {
            return second with { Role = second.Role ?? RoleText(segments[0]), Kind = SpeakerKind.Person };
        }

        if (first is { Form: MentionForm.FullName or MentionForm.Surname })
        {
            return IsDescription(segments[1]) ? first with { Role = first.Role ?? RoleText(segments[1]) } : first;
        }

        // "…, Marco Rubio": a short last piece may name the speaker; a long one is the rest of a sentence.
        return first ?? (segments[^1].Split(' ').Length <= 6 ? ParseSimple(segments[^1]) : null);
    }

    public static SpeakerMention? ParseSimple(string phrase)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count == 0 || words.Count > 14)
        {
            return null;
        }

        if (PairPhrase().IsMatch(phrase))
        {
            return new SpeakerMention(MentionForm.Pair, SpeakerKind.Person, phrase, null, Gender.Unknown);
        }

        if (words.Count == 1 && Lexicon.Pronouns.Contains(words[0]))
        {
            var gender = words[0].ToUpperInvariant() switch
            {
                "HE" or "ÉL" => Gender.Male,
                "SHE" or "ELLA" => Gender.Female,
                _ => Gender.Unknown,
            };
            return new SpeakerMention(MentionForm.Pronoun, SpeakerKind.Person, words[0], null, gender);
        }

        if (Lexicon.Prepositions.Contains(words[0]) && !IsCapitalized(words[0]))
        {
            return AfterCircumstance(words);
        }

        var report = ReportFrom().Match(phrase);
        if (report.Success)
        {
            return ParseSimple(report.Groups["source"].Value) is { Kind: SpeakerKind.Media } media ? media : null;
        }

        var hasDeterminer = Lexicon.Determiners.Contains(words[0]);
        var core = hasDeterminer ? words.Skip(1).ToList() : words;
        if (core.Count == 0)
        {
            return null;
        }

        var coreText = string.Join(' ', core).TrimEnd('.');
        if (IsMedia(core, coreText))
        {
            return Group(SpeakerKind.Media, coreText);
        }

        // "the newspaper El Universal", "el diario Reforma": the outlet is the capitalised rest.
        if (core.Count >= 2 && Lexicon.MediaNouns.Contains(core[0]) && IsCapitalized(core[1]))
        {
            var outlet = core.Skip(1).ToList();
            var outletText = string.Join(' ', outlet).TrimEnd('.');
            if (outlet.All(w => IsCapitalized(w) || Lexicon.Particles.Contains(w)))
            {
                return Group(SpeakerKind.Media, outletText);
            }
        }

        if (Lexicon.LeadingOrganizationHeads.Contains(core[0])
            && (core.Count == 1 || core[1] is "de" || core[1] is "del" || Lexicon.Nationalities.Contains(core[1]))
            && !core.Skip(2).Any(w => Lexicon.GenderOfFirstName(w) != Gender.Unknown))
        {
            return Group(SpeakerKind.Organization, coreText);
        }

        if (Lexicon.KnownOrganizations.Contains(coreText) || Lexicon.Places.Contains(coreText)
            || (Lexicon.OrganizationHeads.Contains(core[^1]) && !core.Any(IsPersonalNameWord) && IsCapitalized(core[0]))
            || (core.Count == 1 && core[0] is "government" or "administration" or "gobierno"))
        {
            return Group(SpeakerKind.Organization, hasDeterminer && !IsCapitalized(core[0]) ? phrase : coreText);
        }

        if (Lexicon.Honorifics.Contains(core[0]) && core.Count >= 2)
        {
            var gender = Lexicon.FemaleHonorifics.Contains(core[0]) ? Gender.Female
                : Lexicon.MaleHonorifics.Contains(core[0]) ? Gender.Male : Gender.Unknown;
            var name = string.Join(' ', core.Skip(1));
            return new SpeakerMention(core.Count > 2 ? MentionForm.FullName : MentionForm.Surname, SpeakerKind.Person, name, null, gender);
        }

        var (roleWords, nameWords, suffix) = SplitName(core);
        if (nameWords.Count > 0 && !(hasDeterminer && roleWords.Count == 0 && nameWords.Count == 1 && !IsCapitalized(words[0])))
        {
            var role = roleWords.Count > 0 ? string.Join(' ', roleWords) : null;
            if (suffix is not null)
            {
                role = role is null ? suffix : $"{role} {suffix}";
            }

            var form = nameWords.Count >= 2 ? MentionForm.FullName : MentionForm.Surname;
            return new SpeakerMention(form, SpeakerKind.Person, string.Join(' ', nameWords), role, GenderOf(nameWords[0], roleWords));
        }

        var bare = core.Select(w => w.TrimEnd('.', ',')).ToList();
        var isAnonymous = bare.Any(Lexicon.AnonymousHeads.Contains);
        var isGeneric = hasDeterminer && !words[0].Equals("the", StringComparison.OrdinalIgnoreCase)
            && !words[0].Equals("his", StringComparison.OrdinalIgnoreCase) && !words[0].Equals("her", StringComparison.OrdinalIgnoreCase)
            && !words[0].Equals("el", StringComparison.OrdinalIgnoreCase) && !words[0].Equals("la", StringComparison.OrdinalIgnoreCase);
        if (isAnonymous && (isGeneric || !hasDeterminer || bare[^1].EndsWith('s')))
        {
            return Group(SpeakerKind.AnonymousSource, WithoutRelativeClause(phrase));
        }

        if (bare.All(w => Lexicon.IsRoleWord(w) || Lexicon.Nationalities.Contains(w) || w is "of" or "de" or "del" or "la" or "el" or "the"
                || Lexicon.Places.Contains(w) || IsCapitalized(w)) && bare.Any(Lexicon.IsRoleWord) && bare.Count <= 8)
        {
            // Spanish says the gender in the article: "el titular", "la titular".
            var gender = GenderOf("", bare) is var g && g != Gender.Unknown ? g
                : words[0] is "el" or "El" ? Gender.Male : words[0] is "la" or "La" ? Gender.Female : Gender.Unknown;
            return new SpeakerMention(MentionForm.RoleOnly, SpeakerKind.Person, RoleText(phrase) ?? phrase, RoleText(phrase), gender);
        }

        return isAnonymous && bare.Count <= 6 ? Group(SpeakerKind.AnonymousSource, WithoutRelativeClause(phrase)) : null;
    }

    /// <summary>"en su rueda de prensa diaria Karine Jean-Pierre", "en la mañanera la presidenta": the speaker of an
    /// inverted attribution comes after its circumstances, as the phrase's capitalised or titled tail.</summary>
    private static SpeakerMention? AfterCircumstance(List<string> words)
    {
        var from = words.Count;
        while (from > 1 && (IsCapitalized(words[from - 1]) || Lexicon.IsRoleWord(words[from - 1])
                   || Lexicon.Particles.Contains(words[from - 1]) || Lexicon.Nationalities.Contains(words[from - 1])))
        {
            from--;
        }

        if (from > 1 && Lexicon.Determiners.Contains(words[from - 1]))
        {
            from--;
        }

        while (from < words.Count && Lexicon.Particles.Contains(words[from]) && !Lexicon.Determiners.Contains(words[from]))
        {
            from++;
        }

        return from >= words.Count || from < 1 ? null
            : ParseSimple(string.Join(' ', words.Skip(from))) is { Kind: SpeakerKind.Person } mention ? mention : null;
    }

    /// <summary>Where the name starts in a run of capitalised words after a title: "Secretary of Security and Citizen
    /// Protection Rosa Elena Quintana" → at "Rosa". A known given name marks it; after an "of/de/and" chain with none
    /// known, the last two words (with their particles) are the name and the rest belongs to the office.</summary>
    public static int NameStart(IReadOnlyList<string> run, bool afterChain)
    {
        if (run.Count <= 2)
        {
            return 0;
        }

        for (var k = 0; k < run.Count - 1; k++)
        {
            if (Lexicon.GenderOfFirstName(run[k].TrimEnd(',', '.')) != Gender.Unknown)
            {
                return k;
            }
        }

        if (!afterChain)
        {
            return 0;
        }

        var start = run.Count - 2;
        var particles = false;
        while (start > 0 && Lexicon.Particles.Contains(run[start - 1]))
        {
            start--;
            particles = true;
        }

        return particles && start > 0 ? start - 1 : start;
    }

    /// <summary>Words that join the parts of an office: "Secretary of Security and Citizen Protection".</summary>
    public static bool IsTitleConnector(string word) => word is "of" or "and" or "the" or "for" or "to" or "de" or "del" or "la" or "y" or "ante";

    /// <summary>"un funcionario estadounidense que pidió el anonimato" → "un funcionario estadounidense".</summary>
    private static string WithoutRelativeClause(string phrase)
    {
        var trimmed = phrase.TrimEnd('.', ',');
        var relative = RelativeClause().Match(trimmed);
        return relative.Success && relative.Index > 0 ? trimmed[..relative.Index] : trimmed;
    }

    // "the secretary of state" has the head "secretary"; "press" alone (as in "press reports") has none.
    private static bool HasRoleHead(List<string> words)
    {
        var of = words.FindIndex(w => w is "of" or "de" or "del");
        var head = of > 0 ? words[of - 1] : words[^1];
        return Lexicon.IsRoleWord(head) && !Lexicon.RoleModifiers.Contains(head);
    }

    public static bool IsCapitalized(string word) => word.Length > 0 && char.IsUpper(word[0]);

    /// <summary>A role as it reads after its article: "a leader at the Initiative" → "leader at the Initiative".</summary>
    public static string? RoleText(string phrase)
    {
        var words = phrase.Trim().TrimEnd(',', '.').Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 0 && (Lexicon.Determiners.Contains(words[0]) || words[0] is "with" or "of" or "from" or "at"))
        {
            words.RemoveAt(0);
        }

        return words.Count == 0 ? null : string.Join(' ', words);
    }

    private static bool IsDescription(string segment)
    {
        var first = segment.Split(' ')[0];
        return Lexicon.Determiners.Contains(first) || first is "with" or "of" or "from" or "at" || Lexicon.IsRoleWord(first);
    }

    private static (List<string> Role, List<string> Name, string? Suffix) SplitName(List<string> words)
    {
        string? suffix = null;
        var ofIndex = words.FindLastIndex(w => w is "of" or "de");
        if (ofIndex > 0 && ofIndex < words.Count - 1 && words.Count - ofIndex <= 3 && words.Skip(ofIndex + 1).All(IsCapitalized)
            && IsPersonalNameWord(words[ofIndex - 1]))
        {
            suffix = string.Join(' ', words.Skip(ofIndex));
            words = words.Take(ofIndex).ToList();
        }

        var name = new List<string>();
        var i = words.Count - 1;
        for (; i >= 0; i--)
        {
            var w = words[i].TrimEnd(',');
            if (IsPersonalNameWord(w) || (name.Count > 0 && i > 0 && Lexicon.Particles.Contains(w) && ParticleFollowsName(words, i)))
            {
                name.Insert(0, w);
                continue;
            }

            break;
        }

        if (name.Count > 0 && (Lexicon.KnownOrganizations.Contains(string.Join(' ', name)) || Lexicon.Places.Contains(string.Join(' ', name))))
        {
            return ([], [], null); // "la vocera de la Casa Blanca": no person called Casa Blanca
        }

        var role = words.Take(i + 1).ToList();
        // A lone capitalised word after lowercase words is a sentence fragment, not a titled name.
        if (role.Count > 0 && role.Any(r => !IsCapitalized(r) && !Lexicon.IsRoleWord(r) && !Lexicon.Particles.Contains(r) && !Lexicon.Nationalities.Contains(r)
                && !IsTitleConnector(r)))
        {
            return ([], [], null);
        }

        var start = NameStart(name, role.Count > 0 && IsTitleConnector(role[^1]));
        role.AddRange(name.Take(start));
        return (role, name.Skip(start).ToList(), suffix);
    }

    /// <summary>"Juan Ramón de la Fuente": particles, one or more, between the given names and the surname.</summary>
    private static bool ParticleFollowsName(List<string> words, int i)
    {
        var k = i - 1;
        while (k >= 0 && Lexicon.Particles.Contains(words[k]))
        {
            k--;
        }

        return k >= 0 && k >= i - 2 && IsPersonalNameWord(words[k]);
    }

    public static bool IsPersonalNameWord(string word)
    {
        var w = word.TrimEnd(',', '.');
        return w.Length > 1 && IsCapitalized(w) && !w.Contains('.', StringComparison.Ordinal) && !w.Contains(';', StringComparison.Ordinal)
            && !w.Contains(':', StringComparison.Ordinal)
            && !Lexicon.IsRoleWord(w) && !Lexicon.Nationalities.Contains(w) && !Lexicon.NotNames.Contains(w)
            && !Lexicon.Places.Contains(w) && !Lexicon.OrganizationHeads.Contains(w) && !Lexicon.KnownMedia.Contains(w)
            && !Lexicon.KnownOrganizations.Contains(w) && !Lexicon.Honorifics.Contains(w) && !Lexicon.MediaSuffixes.Contains(w)
            && !Lexicon.GenericPlurals.Contains(w)
            && !w.EndsWith("’s", StringComparison.Ordinal) && !w.EndsWith("'s", StringComparison.Ordinal)
            && !(w.Length > 1 && w.All(c => char.IsUpper(c) || c == '-'));
    }

    private static Gender GenderOf(string firstName, IEnumerable<string> roleWords)
    {
        var byName = Lexicon.GenderOfFirstName(firstName);
        if (byName != Gender.Unknown)
        {
            return byName;
        }

        foreach (var role in roleWords)
        {
            if (role is "spokeswoman" or "congresswoman" or "chairwoman" or "presidenta" or "mandataria" or "secretaria"
                or "ministra" or "gobernadora" or "senadora" or "diputada" or "vocera" or "embajadora" or "jefa")
            {
                return Gender.Female;
            }

            if (role is "spokesman" or "congressman" or "chairman" or "mandatario")
            {
                return Gender.Male;
            }
        }

        return Gender.Unknown;
    }

    private static bool IsMedia(List<string> core, string coreText)
        => Lexicon.KnownMedia.Contains(coreText)
            || (Lexicon.MediaSuffixes.Contains(core[^1]) && core.All(IsCapitalized) && !Lexicon.KnownOrganizations.Contains(coreText)
                && !(core.Count == 1 && core[0] is "Press" or "Media" or "Network"));

    private static SpeakerMention Group(SpeakerKind kind, string name)
        => new(MentionForm.Group, kind, name, null, Gender.Unknown);

    [GeneratedRegex(@"\s(?:que|quien|who|speaking|hablando|citing|citando|citad[oa]s?|cited|quoted)\s", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeClause();

    [GeneratedRegex(@"^(?:an?|the)?\s*(?:\w+\s+)?reports?\s+(?:from|in|by|of)\s+(?<source>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReportFrom();

    [GeneratedRegex(@"^(?:the\s+two|both(?:\s+the)?|l[oa]s\s+dos|amb[oa]s)\s+\p{L}+(?:s|men)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PairPhrase();
}
