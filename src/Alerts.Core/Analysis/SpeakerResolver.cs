using System.Text.RegularExpressions;

namespace Alerts.Analysis;

/// <summary>Turns mentions into one canonical speaker per person or group within one article. The first full mention
/// gives name and role; "Mr. Rubio", "Rubio", "she" and "the secretary of state" resolve to it.</summary>
internal sealed partial class SpeakerResolver
{
    private readonly List<Person> people = [];
    private readonly List<(int Offset, Person Person)> mentions = [];
    private readonly List<Speaker> groups = [];
    private readonly List<(int Offset, Speaker Speaker)> anonymous = [];
    private readonly List<Speaker> roleSpeakers = [];
    private readonly string text;
    private readonly IReadOnlyList<Quote> quotes;

    public SpeakerResolver(string text, IReadOnlyList<Quote> quotes, string? title = null)
    {
        this.text = text;
        this.quotes = quotes;
        if (!string.IsNullOrWhiteSpace(title))
        {
            SeedFromTitle(title);
        }

        FindPeople();
    }

    /// <summary>Full names in the headline ("Sheinbaum Rejects …" seldom, "Claudia Sheinbaum Rejects …" often) are
    /// people the text may name only by surname; they are mentioned "before" the text (offset -1).</summary>
    private void SeedFromTitle(string title)
    {
        foreach (Match match in CapitalisedRun().Matches(title))
        {
            var words = match.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Bare).ToList();
            for (var i = 0; i + 1 < words.Count; i++)
            {
                if (Lexicon.GenderOfFirstName(words[i]) != Gender.Unknown && SpeakerPhrase.IsPersonalNameWord(words[i + 1]))
                {
                    var name = $"{words[i]} {words[i + 1]}";
                    Register(new SpeakerMention(MentionForm.FullName, SpeakerKind.Person, name, null, Lexicon.GenderOfFirstName(words[i])), -1);
                    break;
                }
            }
        }
    }

    /// <summary>Everyone named so far, first named first: the headline step matches roles and initials against them.</summary>
    public IEnumerable<Speaker> People => people.Select(p => p.ToSpeaker());

    public Speaker? Resolve(SpeakerMention mention, int offset, Speaker? previous)
    {
        switch (mention.Form)
        {
            case MentionForm.Group:
                var group = Canonical(mention);
                if (group.Kind == SpeakerKind.AnonymousSource)
                {
                    anonymous.Add((offset, group));
                }

                return group;
            case MentionForm.Implicit:
                return previous ?? Topic(offset)?.ToSpeaker();
            case MentionForm.Pair:
                return Pair(offset);
            case MentionForm.Pronoun when mention.Gender == Gender.Unknown:
                return previous is { Kind: not SpeakerKind.Person } ? previous : null;
            case MentionForm.Pronoun:
                return Nearest(offset, mention.Gender)?.ToSpeaker();
            case MentionForm.RoleOnly:
                var role = mention.Role ?? mention.Name;
                // "A U.S. official said …" then "the official said": the same unnamed source, even with others between.
                var source = anonymous.Where(a => a.Offset < offset && SharesHead(a.Speaker.Name, role))
                    .OrderByDescending(a => a.Offset).Select(a => a.Speaker).FirstOrDefault();
                if (source is not null)
                {
                    return source;
                }

                var byRole = ByRole(role, offset, mention.Gender)?.ToSpeaker();
                if (byRole is not null)
                {
                    return byRole;
                }

                // "señaló el funcionario" after the secretary spoke: a generic head goes on from the last speaker.
                if (previous is { Kind: SpeakerKind.Person or SpeakerKind.AnonymousSource } && IsGenericHead(role))
                {
                    return previous;
                }

                // "the US leader", "la mandataria", "the former governor": someone the article has named.
                var described = Described(role, offset, mention.Gender, previous);
                if (described is not null)
                {
                    return described.ToSpeaker();
                }

                return Lexicon.IsDescriptor(role) || IsPast(role) ? null : RoleAsSpeaker(role);
            default:
                var person = Register(mention, offset);
                mentions.Add((offset, person));
                return person.ToSpeaker();
        }
    }

    /// <summary>The person a description stands for: the last speaker when they fit its gender and country, else the
    /// nearest fitting person named before it. A person tied to the description's country beats one of unknown country.</summary>
    private Person? Described(string role, int offset, Gender gender, Speaker? previous)
    {
        if (!Lexicon.IsDescriptor(role) && !IsPast(role))
        {
            return null;
        }

        var country = Lexicon.CountryOf(role);
        var leader = IsLeaderDescriptor(role);
        var fitting = people.Where(p => (gender == Gender.Unknown || p.Gender != Opposite(gender))
            && (country is null || Lexicon.CountryOf(p.Role) is not { } c || c == country)
            && (!leader || p.Role is null || Words(p.Role).Any(w => Lexicon.LeaderRoles.Contains(w.TrimEnd(',', '.'))))).ToList();
        if (country is not null && fitting.Any(p => Lexicon.CountryOf(p.Role) == country))
        {
            fitting = fitting.Where(p => Lexicon.CountryOf(p.Role) == country).ToList();
        }

        var last = fitting.FirstOrDefault(p => previous is { Kind: SpeakerKind.Person } && p.Name == previous.Name);
        if (last is not null)
        {
            return last;
        }

        // "el magnate", "the Republican" say nothing a role can check: only the article's main figure, when they fit.
        if (!leader && !IsPast(role))
        {
            var main = MainFigure(offset);
            return main is not null && fitting.Contains(main) ? main : null;
        }

        return mentions.Where(m => m.Offset < offset && fitting.Contains(m.Person)).OrderByDescending(m => m.Offset)
                .Select(m => m.Person).FirstOrDefault()
            ?? (fitting.Count == 1 ? fitting[0] : null);
    }

    private static bool IsLeaderDescriptor(string role)
        => role.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => Lexicon.LeaderDescriptors.Contains(w.TrimEnd('.', ',')))
            || Lexicon.LeaderDescriptors.Any(p => p.Contains(' ', StringComparison.Ordinal) && role.Contains(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>The person named most often before <paramref name="offset"/>, when no one else is named as often.</summary>
    /// <summary>"Reps. Dan Crenshaw (R-TX) and Mike Waltz": a name joined by "and"/"y" to a person just named is one too.</summary>
    private bool ConjoinedWithAPerson(int index)
    {
        var before = text[Math.Max(0, index - 40)..index].TrimEnd();
        return people.Count > 0 && people[^1].FirstOffset >= index - 40
            && (before.EndsWith(" and", StringComparison.Ordinal) || before.EndsWith(" y", StringComparison.Ordinal));
    }

    /// <summary>The two people named last before the mention, in the order the article introduced them.</summary>
    private Speaker? Pair(int offset)
    {
        var last = people.Where(p => p.FirstOffset < offset)
            .Select(p => (Person: p, Seen: mentions.Where(m => m.Person == p && m.Offset < offset).Select(m => m.Offset).DefaultIfEmpty(p.FirstOffset).Max()))
            .OrderByDescending(p => p.Seen)
            .Take(2)
            .Select(p => p.Person)
            .OrderBy(p => p.FirstOffset)
            .ToList();
        return last.Count == 2 ? new Speaker($"{last[0].Name} and {last[1].Name}", null, SpeakerKind.Person) : null;
    }

    private Person? MainFigure(int offset)
    {
        var counts = mentions.Where(m => m.Offset < offset).GroupBy(m => m.Person).Select(g => (g.Key, Count: g.Count()))
            .OrderByDescending(c => c.Count).ToList();
        return counts.Count > 0 && (counts.Count == 1 || counts[0].Count > counts[1].Count) ? counts[0].Key : null;
    }

    // "the former South Carolina governor": a past office says nothing against the one the person holds now.
    private static bool IsPast(string role)
        => role.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => Lexicon.PastMarkers.Contains(w)
            || (w.Length > 4 && w.StartsWith("ex", StringComparison.OrdinalIgnoreCase) && Lexicon.IsRoleWord(w)));

    /// <summary>Who an attribution without a subject ("…”, remarcó.") goes back to when nobody has spoken yet: the
    /// first person of the paragraph that last named someone, its subject, rather than whoever it named last.</summary>
    private Person? Topic(int offset)
    {
        var nearest = mentions.Where(m => m.Offset < offset).Select(m => m.Offset).DefaultIfEmpty(-1).Max();
        if (nearest < 0)
        {
            return null;
        }

        var paragraphStart = text.LastIndexOf('\n', nearest) + 1;
        return mentions.First(m => m.Offset >= paragraphStart && m.Offset <= nearest).Person;
    }

    private static bool IsGenericHead(string role)
    {
        var words = role.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 2 && Lexicon.AnonymousHeads.Contains(words[^1].TrimEnd('.', ','));
    }

    /// <summary>"El secretario de la Defensa Nacional afirmó …" with no name anywhere: the role is the speaker's name.</summary>
    private Speaker? RoleAsSpeaker(string role)
    {
        var words = role.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || IsGenericHead(role))
        {
            return null;
        }

        var existing = roleSpeakers.FirstOrDefault(r => r.Name.Equals(role, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            return existing;
        }

        var speaker = new Speaker(role, role, SpeakerKind.Person);
        roleSpeakers.Add(speaker);
        return speaker;
    }

    private static bool SharesHead(string anonymous, string role)
    {
        var head = role.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.TrimEnd('.', ',');
        return head is not null && Lexicon.AnonymousHeads.Contains(head)
            && anonymous.Split(' ').Any(w => w.TrimEnd('.', ',').Equals(head, StringComparison.OrdinalIgnoreCase));
    }

    private Person Register(SpeakerMention mention, int offset)
    {
        var surname = mention.Name.Split(' ')[^1];
        var first = mention.Form == MentionForm.FullName ? mention.Name.Split(' ')[0] : null;
        var person = people.FirstOrDefault(p => p.Surname.Equals(surname, StringComparison.OrdinalIgnoreCase)
                && (first is null || p.Name.Split(' ').Length == 1 || p.Name.StartsWith(first, StringComparison.OrdinalIgnoreCase)))
            ?? people.FirstOrDefault(p => p.Name.Split(' ', '-').Contains(surname, StringComparer.OrdinalIgnoreCase));
        if (person is null)
        {
            person = new Person(mention.Name, surname, offset) { Role = mention.Role, Gender = mention.Gender };
            people.Add(person);
            return person;
        }

        if (mention.Form == MentionForm.FullName && person.Name.Split(' ').Length == 1)
        {
            person.Name = mention.Name;
        }

        person.Role ??= mention.Role;
        if (person.Gender == Gender.Unknown)
        {
            person.Gender = mention.Gender;
        }

        return person;
    }

    private Person? Nearest(int offset, Gender gender)
        => mentions.Where(m => m.Offset < offset && (gender == Gender.Unknown || m.Person.Gender != Opposite(gender)))
            .OrderByDescending(m => m.Offset)
            .Select(m => m.Person)
            .FirstOrDefault();

    private static Gender Opposite(Gender gender) => gender == Gender.Male ? Gender.Female : Gender.Male;

    private Person? ByRole(string role, int offset, Gender gender)
    {
        var wanted = Words(role);
        var nationality = wanted.FirstOrDefault(Lexicon.Nationalities.Contains);
        var head = wanted.Where(w => !Lexicon.Nationalities.Contains(w)).ToList();
        // "la mandataria" is not the male president mentioned last.
        var candidates = people.Where(p => p.Role is not null && Matches(Words(p.Role), head, nationality)
            && (gender == Gender.Unknown || p.Gender != Opposite(gender))).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        return mentions.Where(m => m.Offset < offset && candidates.Contains(m.Person)).OrderByDescending(m => m.Offset)
            .Select(m => m.Person).FirstOrDefault() ?? candidates[0];

        static bool Matches(List<string> role, List<string> head, string? nationality)
        {
            var roleNationality = role.FirstOrDefault(Lexicon.Nationalities.Contains);
            if (nationality is not null && roleNationality is not null && !nationality.Equals(roleNationality, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var bare = role.Where(w => !Lexicon.Nationalities.Contains(w) && w is not ("U.S." or "US")).ToList();
            var joined = string.Join(' ', bare);
            var wanted = string.Join(' ', head.Where(w => w is not ("U.S." or "US")));
            // "the secretary of defense" is the "Defense Secretary", and "el secretario de Estado" the "Secretary of
            // State": the same role words in another order or language.
            var roleWords = bare.Select(Canon).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var wantedWords = head.Where(w => w is not ("U.S." or "US") && !SpeakerPhrase.IsTitleConnector(w)).Select(Canon).ToList();
            // "el titular de la Defensa": whoever holds the defence office.
            if (wantedWords.Count >= 2 && Lexicon.HolderHeads.Contains(wantedWords[0]) && !Lexicon.IsDescriptor(string.Join(' ', head)))
            {
                wantedWords.RemoveAt(0);
            }

            return wanted.Length > 0 && (joined.Contains(wanted, StringComparison.OrdinalIgnoreCase)
                || Synonym(wanted).Any(s => joined.Contains(s, StringComparison.OrdinalIgnoreCase))
                || (wantedWords.Count >= 2 && wantedWords.All(roleWords.Contains))
                || (wantedWords.Count == 1 && head.Count >= 2 && roleWords.Contains(wantedWords[0])));
        }

        static string Canon(string word)
        {
            var w = word.TrimEnd(',', '.');
            return Lexicon.RoleEquivalents.GetValueOrDefault(w) ?? w;
        }

        static IEnumerable<string> Synonym(string role) => role.ToUpperInvariant() switch
        {
            "MANDATARIA" or "MANDATARIO" => ["presidenta", "presidente", "president"],
            "PRESIDENTA" or "PRESIDENTE" => ["president"],
            "SPOKESWOMAN" or "SPOKESMAN" => ["spokesperson", "press secretary"],
            _ => [],
        };
    }

    private static List<string> Words(string phrase)
        => phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Lexicon.Determiners.Contains(w)).ToList();

    private Speaker Canonical(SpeakerMention mention)
    {
        var name = mention.Name;
        var existing = groups.FirstOrDefault(g => g.Kind == mention.Kind
            && (g.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
                || (mention.Kind == SpeakerKind.Media && g.Name.EndsWith(" " + name, StringComparison.OrdinalIgnoreCase))));
        if (existing is not null)
        {
            return existing;
        }

        var speaker = new Speaker(name, null, mention.Kind);
        groups.Add(speaker);
        return speaker;
    }

    // People named in full anywhere outside quotes ("Mexican President Claudia Sheinbaum"), with the role written
    // around the first mention, and every later mention of their surname for pronouns to look back to.
    private void FindPeople()
    {
        foreach (Match match in CapitalisedRun().Matches(text))
        {
            if (InsideQuote(match.Index))
            {
                continue;
            }

            var words = match.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            // "… el general Ricardo Trevilla. Agregó que …": a sentence ends inside the capitalised run.
            var stop = words.FindIndex(w => w.EndsWith('.') && w.Length > 3 && !TextLayout.IsAbbreviationWord(w) && !w[..^1].Contains('.', StringComparison.Ordinal));
            if (stop >= 0)
            {
                words = words.Take(stop + 1).ToList();
            }

            var lead = words.TakeWhile(w => !SpeakerPhrase.IsPersonalNameWord(Bare(w))).Count();
            var name = words.Skip(lead).Select(Bare).TakeWhile(SpeakerPhrase.IsPersonalNameWord).ToList();
            // "el presidente de Estados Unidos, Donald Trump": a country after a title is no person.
            if (name.Count < 2 || Lexicon.Places.Contains(string.Join(' ', name)) || Lexicon.KnownOrganizations.Contains(string.Join(' ', name)))
            {
                continue;
            }

            // "… and Citizen Protection Rosa Elena Quintana": the office runs on into the capitalised words.
            var wordBefore = lead > 0 ? words[lead - 1] : text[Math.Max(0, match.Index - 12)..match.Index].TrimEnd().Split(' ', '\n')[^1];
            var skip = SpeakerPhrase.NameStart(name, SpeakerPhrase.IsTitleConnector(wordBefore));
            name = name.Skip(skip).ToList();
            lead += skip;
            var nameStart = match.Index + words.Take(lead).Sum(w => w.Length + 1);
            var nameEnd = nameStart + string.Join(' ', name).Length;
            var role = RoleBefore(nameStart) is { } before ? before + PlaceAfter(nameEnd) : RoleAfter(nameEnd);
            // A first name we know, a role, or an honorific ("Reps. Dan Crenshaw and Mike Waltz") makes it a person.
            var known = Lexicon.GenderOfFirstName(name[0]) != Gender.Unknown || Lexicon.Honorifics.Contains(wordBefore)
                || (lead == 0 && ConjoinedWithAPerson(match.Index));
            if (!known && role is null)
            {
                continue;
            }

            var mention = SpeakerPhrase.ParseSimple((role is null ? "" : role + " ") + string.Join(' ', name));
            var gender = mention?.Gender ?? Gender.Unknown;
            Register(new SpeakerMention(MentionForm.FullName, SpeakerKind.Person, string.Join(' ', name), role, gender), nameStart);
        }

        foreach (var person in people)
        {
            foreach (var index in WholeWordOccurrences(text, person.Surname))
            {
                if (!InsideQuote(index))
                {
                    mentions.Add((index, person));
                }

                if (person.Gender == Gender.Unknown)
                {
                    person.Gender = HonorificGenderBefore(index);
                }
            }
        }

        mentions.Sort((a, b) => a.Offset.CompareTo(b.Offset));
    }

    private static string Bare(string word)
    {
        var w = word.TrimEnd(',', '.');
        return w.EndsWith("’s", StringComparison.Ordinal) || w.EndsWith("'s", StringComparison.Ordinal) ? w[..^2] : w;
    }

    private bool InsideQuote(int index) => quotes.Any(q => index > q.Open && index < q.Close);

    private static bool IsPossessive(string word)
        => word.Length > 2 && (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("\u2019s", StringComparison.Ordinal));

    private string? RoleBefore(int nameStart)
    {
        var start = Math.Max(0, text.LastIndexOf('\n', Math.Max(0, nameStart - 1)) + 1);
        var tokens = TextLayout.Tokens(text, new TextRange(start, nameStart));
        if (tokens.Count == 0)
        {
            return null;
        }

        var picked = new List<string>();
        var appositive = tokens[^1].EndsClause;
        for (var i = tokens.Count - 1; i >= 0 && picked.Count < 14; i--)
        {
            var word = tokens[i].Word;
            if (i < tokens.Count - 1 && tokens[i].EndsClause)
            {
                break;
            }

            var allowed = Lexicon.IsRoleWord(word) || (SpeakerPhrase.IsCapitalized(word) && !Lexicon.NotNames.Contains(word))
                || SpeakerPhrase.IsTitleConnector(word) || (appositive && (word is "at" or "against" or "for" or "with" or "and" or "in"
                    || Lexicon.Determiners.Contains(word)));
            if (!allowed)
            {
                break;
            }

            picked.Insert(0, word);
        }

        if (appositive)
        {
            // An appositive role starts with its article: "the secretary of state, Marco Rubio".
            var article = picked.FindIndex(Lexicon.Determiners.Contains);
            if (article < 0)
            {
                // Or with a possessive: "Mexico's foreign minister, Rodrigo Salazar, …".
                article = picked.FindLastIndex(IsPossessive);
            }

            if (article < 0)
            {
                return null;
            }

            picked = picked.Skip(article + 1).ToList();
        }

        while (picked.Count > 0 && (SpeakerPhrase.IsTitleConnector(picked[0]) || Lexicon.Determiners.Contains(picked[0]) || picked[0] is "at"))
        {
            picked.RemoveAt(0);
        }

        return picked.Any(Lexicon.IsRoleWord) ? string.Join(' ', picked) : null;
    }

    private string PlaceAfter(int nameEnd)
    {
        var of = Regex.Match(text[nameEnd..Math.Min(text.Length, nameEnd + 60)], @"^ (of|de) ([\p{Lu}][\p{L}]+(?: [\p{Lu}][\p{L}]+)?)");
        return of.Success ? of.Value : "";
    }

    private string? RoleAfter(int nameEnd)
    {
        var rest = text[nameEnd..Math.Min(text.Length, nameEnd + 120)];
        var of = Regex.Match(rest, @"^ (of|de) ([\p{Lu}][\p{L}]+(?: [\p{Lu}][\p{L}]+)?)");
        if (of.Success && Lexicon.Places.Contains(of.Groups[2].Value))
        {
            return null; // "President Claudia Sheinbaum of Mexico": RoleBefore already holds the title
        }

        var appositive = Regex.Match(rest, @"^, ((?:an?|the|with|from|of)\s[^,.;]{3,90}?),");
        return appositive.Success ? SpeakerPhrase.RoleText(appositive.Groups[1].Value) : null;
    }

    /// <summary>Where <paramref name="word"/> stands as a whole word (not inside "Pérez-Ruiz" or "Ruizes").</summary>
    private static IEnumerable<int> WholeWordOccurrences(string text, string word)
    {
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0 && word.Length > 0; i = text.IndexOf(word, i + word.Length, StringComparison.Ordinal))
        {
            var end = i + word.Length;
            if ((i == 0 || !(char.IsLetter(text[i - 1]) || text[i - 1] == '-')) && (end == text.Length || !(char.IsLetter(text[end]) || text[end] == '-')))
            {
                yield return i;
            }
        }
    }

    /// <summary>"Mr. Rubio", "Sra Pérez": the honorific just before a surname, which gives the person's gender.</summary>
    private Gender HonorificGenderBefore(int index)
    {
        var word = text[Math.Max(0, index - 6)..index].TrimEnd().Split(' ', '\n')[^1];
        return Lexicon.MaleHonorifics.Contains(word) ? Gender.Male : Lexicon.FemaleHonorifics.Contains(word) ? Gender.Female : Gender.Unknown;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}])\p{Lu}[\p{L}’'.\-]*(?: (?:(?:de|del|la|van|von|bin) )?\p{Lu}[\p{L}’'\-]*\.?){1,7}")]
    private static partial Regex CapitalisedRun();

    private sealed class Person(string name, string surname, int firstOffset)
    {
        public string Name { get; set; } = name;
        public string Surname { get; } = surname;
        public int FirstOffset { get; } = firstOffset;
        public string? Role { get; set; }
        public Gender Gender { get; set; }

        public Speaker ToSpeaker() => new(Name, Role, SpeakerKind.Person);
    }
}
