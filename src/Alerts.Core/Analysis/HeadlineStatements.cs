namespace Alerts.Analysis;

/// <summary>Step: statements carried by the headline ("Sheinbaum rejects …", "«…», afirma secretario de Defensa de
/// EU", "… no hubo militares de EU: Sheinbaum"). Runs after the body, so the speaker phrase resolves to the person the
/// body names in full: "Sheinbaum" to "Claudia Sheinbaum", "AMLO" to "Andrés Manuel López Obrador", "secretario de
/// Defensa de EU" to "Pete Hegseth", "Mexico" (as a speaker) to Mexico's president.</summary>
/// <remarks>The title is not part of the text, so a headline statement has Offset 0 and Length 0: it covers no text,
/// overlaps no body statement, sends no paragraph to a metered analyzer and takes no sentence's sentiment; its id still
/// differs from every body statement's because the id hashes the words too. Its Paragraph is the title.</remarks>
internal sealed partial class StatementExtraction
{
    private void ReadHeadline()
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return;
        }

        var headline = title.Trim();
        var statements = new List<ExtractedStatement>();
        var claims = HeadlineShapes.Read(headline, IsKnownPerson)
            .Select(c => (Claim: c, Speaker: HeadlineSpeaker(c.Speaker)))
            .Where(c => c.Speaker is not null)
            .Select(c => (c.Claim, Speaker: c.Speaker!, Body: InBody(c.Speaker!, c.Claim.Text)))
            .ToList();
        foreach (var (claim, speaker, body) in claims)
        {
            // A body statement that holds two headline claims ("«A», afirma X; «B»") is split better by the headline.
            var folded = body is not null && claims.Count(c => c.Body == body) == 1;
            if (folded || statements.Any(s => s.Text == claim.Text))
            {
                continue;
            }

            var kind = speaker.Kind == SpeakerKind.Media ? StatementKind.Report : StatementKind.Indirect;
            statements.Add(new ExtractedStatement(speaker, claim.Text, kind, 0, 0, headline, null));
        }

        found.InsertRange(0, statements);
    }

    /// <summary>The headline sums up a statement the body gives the same speaker: a headline shares few words with
    /// the quote it summarises ("Stands firm against U.S. plans" for "we do not agree with any intervention"), so two
    /// shared words, or a third of its own, are enough; the body's fuller wording is the one to alert, once.</summary>
    private ExtractedStatement? InBody(Speaker speaker, string claim)
    {
        var words = ContentStems(claim);
        return words.Count == 0 ? null : found.FirstOrDefault(s => s.Speaker == speaker
            && ContentStems(s.Text) is var body && words.Count(body.Contains) is var shared
            && (shared >= MinSharedWithBody || shared * 3 >= words.Count));
    }

    private const int MinSharedWithBody = 2;

    private static HashSet<string> ContentStems(string text)
        => text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => HeadlineShapes.Fold(new string(w.Where(char.IsLetterOrDigit).ToArray())))
            .Where(w => w.Length >= 4)
            .Select(w => w[..Math.Min(5, w.Length)])
            .ToHashSet();

    private bool IsKnownPerson(string phrase)
    {
        var last = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        return resolver.People.Any(p => p.Name.Split(' ').Contains(last, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Only a speaker the article can vouch for: a person it names, an outlet, an organisation. A role or
    /// a country nobody in the text holds is dropped rather than alerted under a name no subscriber knows.</summary>
    private Speaker? HeadlineSpeaker(string phrase)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count == 1 && words[0].Length >= 3 && words[0].All(char.IsUpper) && ByInitials(words[0]) is { } initials)
        {
            return initials;
        }

        if (Country(phrase) is { } country)
        {
            return HolderOf(["president"], country);
        }

        // "Mexico's president", "secretario de Defensa de EU": a role, held by someone the body names.
        var roleWords = words.Where(w => Country(w) is null && (Lexicon.IsRoleWord(w) || SpeakerPhrase.IsCapitalized(w))).ToList();
        if (words.Any(w => Lexicon.IsRoleWord(w)) && words.All(w => Country(w) is not null || Lexicon.IsRoleWord(w)
                || SpeakerPhrase.IsCapitalized(w) || Lexicon.Particles.Contains(w) || Lexicon.Determiners.Contains(w))
            && !words.Any(w => SpeakerPhrase.IsPersonalNameWord(w) && IsKnownPerson(w)))
        {
            return HolderOf(roleWords, words.Select(Country).FirstOrDefault(c => c is not null));
        }

        var mention = SpeakerPhrase.Parse(phrase);
        switch (mention?.Form)
        {
            case MentionForm.Surname when !IsKnownPerson(mention.Name):
            case null:
                return null;
            case MentionForm.RoleOnly:
                return HolderOf(roleWords, words.Select(Country).FirstOrDefault(c => c is not null));
            case MentionForm.Group when mention.Kind == SpeakerKind.Organization && Country(mention.Name) is not null:
                return null;
            default:
                return resolver.Resolve(mention, 0, null);
        }
    }

    /// <summary>"AMLO": the person whose full name has these initials.</summary>
    private Speaker? ByInitials(string acronym)
        => resolver.People.FirstOrDefault(p =>
        {
            var initials = p.Name.Split(' ', '-').Where(w => w.Length > 0 && char.IsUpper(w[0])).Select(w => w[0]);
            return string.Concat(initials).Equals(acronym, StringComparison.OrdinalIgnoreCase);
        });

    /// <summary>The named person whose role has these words (compared by stem, across languages: "secretario de
    /// Defensa" is the "Defense Secretary", "presidenta" the "President") and, when one is given, this country.</summary>
    private Speaker? HolderOf(List<string> roleWords, int? country)
    {
        var wanted = roleWords.Select(Stem).Where(w => w.Length > 0).ToList();
        if (wanted.Count == 0)
        {
            return null;
        }

        var holders = resolver.People.Where(p => p.Role is not null && p.Name != p.Role)
            .Select(p => (Speaker: p, Role: p.Role!.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Where(p => wanted.All(w => p.Role.Any(r => Stem(r) == w)))
            .ToList();
        if (country is null)
        {
            return holders.Count == 1 ? holders[0].Speaker : null;
        }

        var countries = holders.Select(h => (h.Speaker, Country: CountryOf(h.Speaker))).ToList();
        return countries.FirstOrDefault(h => h.Country == country).Speaker
            ?? (countries.Count(h => h.Country is null) == 1 ? countries.First(h => h.Country is null).Speaker : null);
    }

    private static int? CountryOf(Speaker person)
    {
        var role = person.Role ?? "";
        for (var c = 0; c < Lexicon.Countries.Count; c++)
        {
            if (Lexicon.Countries[c].Any(w => role.Contains(w, StringComparison.OrdinalIgnoreCase) && IsWholeWord(role, w)))
            {
                return c;
            }
        }

        return null;
    }

    private static bool IsWholeWord(string text, string word)
    {
        var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
        var end = at + word.Length;
        return at >= 0 && (at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end]));
    }

    private static int? Country(string phrase)
    {
        var bare = phrase.Trim().TrimEnd(',', '.');
        var index = Enumerable.Range(0, Lexicon.Countries.Count).FirstOrDefault(c => Lexicon.Countries[c].Contains(bare), -1);
        return index < 0 ? null : index;
    }

    // Six folded letters: enough to tell roles apart, few enough to join "president"/"presidenta", "secretary"/
    // "secretario", "defense"/"defensa".
    private static string Stem(string word)
    {
        var folded = HeadlineShapes.Fold(word.Trim(',', '.'));
        return folded is "of" or "de" or "del" or "the" or "la" or "el" ? "" : folded[..Math.Min(6, folded.Length)];
    }
}
