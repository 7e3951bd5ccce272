namespace Alerts.Analysis;

/// <summary>Step: where the speaker phrase in front of a speech verb begins and ends (titles, appositives, relative clauses).</summary>
internal sealed partial class StatementExtraction
{
    /// <summary>The speaker phrase in front of the verb at <paramref name="verb"/>: "U.S. Secretary of State Marco Rubio
    /// said", "A U.S. official, speaking on condition of anonymity, said", "The White House … but reiterated".</summary>
    private (SpeakerMention Mention, int Start)? Subject(List<Token> tokens, int verb)
    {
        var end = StripAuxiliaries(tokens, verb - 1);
        if (end < 0)
        {
            return null;
        }

        var word = tokens[end].Word;
        if (Lexicon.Pronouns.Contains(word))
        {
            return SpeakerPhrase.ParseSimple(word) is { } pronoun ? (pronoun, end) : null;
        }

        if (word is "but" or "and" or "pero" or "y")
        {
            return LeadingSubject(tokens, end);
        }

        // "el senador Ted Cruz, quien planteó que …": the phrase the relative pronoun points back to.
        if (word is "who" or "quien" && end > 0 && tokens[end - 1].EndsClause)
        {
            var head = NounPhraseStart(tokens, end - 1);
            var named = head <= end - 1 && end - head <= limits.MaxSpeakerWords ? SpeakerPhrase.Parse(Slice(tokens[head].Start, tokens[end - 1].End).TrimEnd(',')) : null;
            return named is null ? null : (named, head);
        }

        if (tokens[end].EndsClause && end == verb - 1 && InsertedVerb(tokens, verb) is { } inserted)
        {
            return inserted ? (SpeakerMention.Implicit, verb) : null;
        }

        var start = tokens[end].EndsClause ? AppositiveStart(tokens, end) : NounPhraseStart(tokens, end);
        if (tokens[end].EndsClause && (start > end || end - start + 1 > limits.MaxSpeakerWords))
        {
            return RelativeClauseSubject(tokens, end);
        }

        if (start > end && CollectiveStart(tokens, end) is var collective and >= 0)
        {
            start = collective;
        }

        if (start > end || end - start + 1 > limits.MaxSpeakerWords)
        {
            return null;
        }

        // "A spokesperson for Mexico's Defense Ministry", "Officials at the Department of …", "un vocero de la
        // Cancillería": the person speaks for the organisation, and is the speaker.
        if (start >= 2 && tokens[start - 1].Word is "for" or "at" or "of" or "with" or "de" or "del" && !tokens[start - 2].EndsClause
            && (Lexicon.AnonymousHeads.Contains(tokens[start - 2].Word) || Lexicon.IsRoleWord(tokens[start - 2].Word)))
        {
            var head = NounPhraseStart(tokens, start - 2);
            if (head <= start - 2 && end - head + 1 <= limits.MaxSpeakerWords)
            {
                start = head;
            }
        }

        var mention = SpeakerPhrase.Parse(Slice(tokens[start].Start, tokens[end].End));
        if (mention is null && tokens[end].EndsClause)
        {
            return RelativeClauseSubject(tokens, end);
        }

        return mention is null ? null : (mention, start);
    }

    /// <summary>A verb set off by a comma is no subject's: "…en México, afirmó la presidenta Claudia Sheinbaum" names
    /// its speaker after it (false: the caller reads it inverted); "Tampoco, aseguró, “…”" opens the sentence with one
    /// clause and goes on from the speaker before (true). Null when the words before may be an appositive subject.</summary>
    private bool? InsertedVerb(List<Token> tokens, int verb)
    {
        // "The ambassador, Ronald Johnson, told lawmakers …": a named appositive subject stays the subject.
        var head = AppositiveStart(tokens, verb - 1);
        if (head <= verb - 1 && SpeakerPhrase.Parse(Slice(tokens[head].Start, tokens[verb - 1].End))
                is { Kind: SpeakerKind.Person, Form: MentionForm.FullName or MentionForm.Surname })
        {
            return null;
        }

        if (verb + 1 < tokens.Count && !Lexicon.Complementizers.Contains(tokens[verb + 1].Word) && !Lexicon.ListenerVerbs.Contains(tokens[verb].Word))
        {
            var last = tokens.FindIndex(verb + 1, t => t.EndsClause) is var e and >= 0 ? e : tokens.Count - 1;
            var phrase = tokens.GetRange(verb + 1, last - verb);
            if (CircumstanceStart(phrase) is var cut and > 0)
            {
                phrase = phrase.Take(cut).ToList();
            }

            if (SpeakerPhrase.Parse(Slice(phrase[0].Start, phrase[^1].End)) is { Form: not MentionForm.Implicit } after
                && !(after.Kind == SpeakerKind.Organization && Lexicon.Places.Contains(after.Name)))
            {
                return false;
            }
        }

        // A capitalised word or an article after the verb may be a speaker this cannot read ("dice IMCO"): no guess.
        if (verb + 1 < tokens.Count && (SpeakerPhrase.IsCapitalized(tokens[verb + 1].Word) || Lexicon.Determiners.Contains(tokens[verb + 1].Word)))
        {
            return null;
        }

        // One clause from the start of the sentence to the verb, and no person: nothing in it can be the subject.
        var clause = SpeakerPhrase.Parse(Slice(tokens[0].Start, tokens[verb - 1].End));
        return tokens.Take(verb - 1).Any(t => t.EndsClause) || clause is { Kind: SpeakerKind.Person } ? null : true;
    }

    /// <summary>"The official, who spoke on condition of anonymity because …, said": the phrase before the relative
    /// clause, however long the clause.</summary>
    private (SpeakerMention Mention, int Start)? RelativeClauseSubject(List<Token> tokens, int end)
    {
        for (var w = end - 1; w >= 1; w--)
        {
            if (tokens[w].Word is "who" or "quien" or "quienes" or "que" && tokens[w - 1].EndsClause)
            {
                var start = NounPhraseStart(tokens, w - 1);
                if (start > w - 1 || w - start > limits.MaxSpeakerWords)
                {
                    return null;
                }

                var mention = SpeakerPhrase.Parse(Slice(tokens[start].Start, tokens[w - 1].End));
                return mention is null ? null : (mention, start);
            }
        }

        return null;
    }

    private (SpeakerMention Mention, int Start)? LeadingSubject(List<Token> tokens, int before)
    {
        var first = LeadingAdjunctEnd(tokens, before);
        // "Newly confirmed Secretary of the Navy …": an adverb and its participle describe the subject, then it starts.
        if (first + 2 < before && tokens[first].Word.Length > 4 && tokens[first].Word.EndsWith("ly", StringComparison.Ordinal)
            && !tokens[first].EndsClause && !SpeakerPhrase.IsCapitalized(tokens[first + 1].Word) && !tokens[first + 1].EndsClause
            && SpeakerPhrase.IsCapitalized(tokens[first + 2].Word))
        {
            first += 2;
        }

        var i = first;
        if (Lexicon.Determiners.Contains(tokens[i].Word))
        {
            i++;
        }

        while (i < before && !tokens[i].EndsClause && IsNounPhraseWord(tokens, i))
        {
            i++;
        }

        if (i == first || (i < before && tokens[i].EndsClause && IsNounPhraseWord(tokens, i)))
        {
            i++;
        }

        var mention = i == first ? null : SpeakerPhrase.Parse(Slice(tokens[first].Start, tokens[i - 1].End));
        return mention is null ? null : (mention, first);
    }

    /// <summary>Where the subject starts after an opening adjunct: "Esta mañana, la mandataria …", "Asimismo,
    /// Sheinbaum …", "On Tuesday, the senator …". 0 when the sentence opens with its subject.</summary>
    private static int LeadingAdjunctEnd(List<Token> tokens, int before)
    {
        var comma = tokens.FindIndex(t => t.EndsClause);
        return comma >= 0 && comma < before - 1 && IsAdjunctClause(tokens, comma + 1) ? comma + 1 : 0;
    }

    /// <summary>The first <paramref name="count"/> tokens are circumstances only: a time ("El martes", "This week"),
    /// a prepositional phrase ("During the debate") or a sentence adverb ("Asimismo", "Meanwhile").</summary>
    private static bool IsAdjunctClause(List<Token> tokens, int count)
    {
        if (count is < 1 or > 5)
        {
            return false;
        }

        var clause = tokens.Take(count).Select(t => t.Word).ToList();
        var opens = Lexicon.Prepositions.Contains(clause[0]) || Lexicon.OpeningPrepositions.Contains(clause[0]) || Lexicon.SentenceAdverbs.Contains(clause[0])
            || clause.Any(Lexicon.TimeWords.Contains);
        return opens && clause.All(w => !Lexicon.IsRoleWord(w) && !Lexicon.AnonymousHeads.Contains(w) && !Lexicon.Pronouns.Contains(w)
            && (w.All(c => !char.IsUpper(c)) || Lexicon.NotNames.Contains(w) || Lexicon.TimeWords.Contains(w) || Lexicon.AdjunctWords.Contains(w)));
    }

    /// <summary>"Families of the victims said", "familiares de las víctimas pidieron": a group named by what it is to
    /// someone; the phrase starts at its head. -1 when the words before the verb are no such phrase.</summary>
    private static int CollectiveStart(List<Token> tokens, int end)
    {
        for (var k = end - 1; k >= 1 && k >= end - 3; k--)
        {
            if (tokens[k].EndsClause)
            {
                return -1;
            }

            if (tokens[k].Word is "of" or "de" or "del" && Lexicon.AnonymousHeads.Contains(tokens[k - 1].Word) && !tokens[k - 1].EndsClause)
            {
                var head = NounPhraseStart(tokens, k - 1);
                return head <= k - 1 ? head : k - 1;
            }
        }

        return -1;
    }

    private static int NounPhraseStart(List<Token> tokens, int end)
    {
        var k = end;
        while (k >= 0)
        {
            if (k < end && tokens[k].EndsClause)
            {
                break;
            }

            if (Lexicon.Determiners.Contains(tokens[k].Word) && !InNameParticles(tokens, k))
            {
                // "El secretario de la Defensa Nacional": "de la" inside a title, not the phrase's article.
                if (k >= 2 && tokens[k - 1].Word is "de" or "of" && !tokens[k - 2].EndsClause && Lexicon.IsRoleWord(tokens[k - 2].Word))
                {
                    k -= 2;
                    continue;
                }

                return k;
            }

            if (!IsNounPhraseWord(tokens, k) && !InNameParticles(tokens, k))
            {
                break;
            }

            k--;
        }

        return k + 1;
    }

    /// <summary>"a leader at the Initiative, Jane Doe," or "Jane Doe, with the Group,": two comma-separated pieces.</summary>
    private static int AppositiveStart(List<Token> tokens, int end)
    {
        var k = end - 1;
        while (k >= 0 && !tokens[k].EndsClause)
        {
            k--;
        }

        if (k < 0 || end - k > 10)
        {
            return NounPhraseStart(tokens, end) is var s && s <= end ? s : end + 1;
        }

        // tokens[k] ends the head phrase; walk back to its article or the start of the clause.
        var head = k;
        var limit = Math.Max(0, k - 11);
        while (head > limit && !tokens[head - 1].EndsClause && !Lexicon.Determiners.Contains(tokens[head].Word))
        {
            head--;
        }

        if (!Lexicon.Determiners.Contains(tokens[head].Word))
        {
            head = NounPhraseStart(tokens, k);
        }

        return head;
    }

    /// <summary>"de la" in "Juan Ramón de la Fuente": particles between capitalised name words.</summary>
    private static bool InNameParticles(List<Token> tokens, int k)
    {
        if (!Lexicon.Particles.Contains(tokens[k].Word) || tokens[k].EndsClause)
        {
            return false;
        }

        var before = k - 1;
        while (before >= 0 && Lexicon.Particles.Contains(tokens[before].Word))
        {
            before--;
        }

        var after = k + 1;
        while (after < tokens.Count && Lexicon.Particles.Contains(tokens[after].Word))
        {
            after++;
        }

        return before >= 0 && after < tokens.Count && before >= k - 2 && after <= k + 2
            && SpeakerPhrase.IsPersonalNameWord(tokens[before].Word) && SpeakerPhrase.IsPersonalNameWord(tokens[after].Word);
    }

    private static bool IsNounPhraseWord(List<Token> tokens, int k)
    {
        var word = tokens[k].Word;
        if (SpeakerPhrase.IsCapitalized(word))
        {
            return !Lexicon.NotNames.Contains(word) || Lexicon.Honorifics.Contains(word);
        }

        if (Lexicon.IsRoleWord(word) || Lexicon.Ordinals.Contains(word) || Lexicon.AnonymousHeads.Contains(word)
            || Lexicon.Nationalities.Contains(word) || Lexicon.LeadingOrganizationHeads.Contains(word))
        {
            return true;
        }

        // A plain modifier in front of a head: "a police official", "two defense experts".
        // A capitalised title after it starts the phrase instead: "an offer Governor Maya Rios said".
        if (k + 1 < tokens.Count && !tokens[k].EndsClause && word.All(char.IsLower) && !SpeakerPhrase.IsCapitalized(tokens[k + 1].Word)
            && (Lexicon.AnonymousHeads.Contains(tokens[k + 1].Word) || Lexicon.IsRoleWord(tokens[k + 1].Word))
            && !Lexicon.SpeechVerbs.Contains(word) && !Lexicon.Prepositions.Contains(word) && !Lexicon.Auxiliaries.Contains(word)
            && word is not ("and" or "but" or "or" or "that" or "y" or "que"))
        {
            return true;
        }

        var nextCapitalized = k + 1 < tokens.Count && (SpeakerPhrase.IsCapitalized(tokens[k + 1].Word) || Lexicon.IsRoleWord(tokens[k + 1].Word));
        // "Ambassador to Mexico Dale Brooks", "embajador ante la ONU": an envoy's title names where he is sent.
        var envoyTo = word is "to" or "ante" && k > 0 && !tokens[k - 1].EndsClause && Lexicon.IsRoleWord(tokens[k - 1].Word)
            && k + 1 < tokens.Count && (SpeakerPhrase.IsCapitalized(tokens[k + 1].Word)
                || (tokens[k + 1].Word is "the" or "la" or "el" && k + 2 < tokens.Count && SpeakerPhrase.IsCapitalized(tokens[k + 2].Word)));
        var articleInTitle = word is "the" && k > 0 && tokens[k - 1].Word is "to" && nextCapitalized;
        return ((word is "of" || Lexicon.Particles.Contains(word)) && nextCapitalized && k > 0) || envoyTo || articleInTitle;
    }

    private static int StripAuxiliaries(List<Token> tokens, int k)
    {
        k = StripDateClauses(tokens, k);
        while (k >= 0 && !tokens[k].EndsClause)
        {
            var word = tokens[k].Word;
            if (Lexicon.Auxiliaries.Contains(word) || Lexicon.Clitics.Contains(word)
                || (word.EndsWith("ly", StringComparison.Ordinal) && !SpeakerPhrase.IsCapitalized(word)))
            {
                k--;
                continue;
            }

            if (k > 0 && (Lexicon.TimeWords.Contains(word) || IsYear(word)) && (Lexicon.Prepositions.Contains(tokens[k - 1].Word) || tokens[k - 1].Word is "last" or "this" or "el"))
            {
                k -= 2;
                continue;
            }

            break;
        }

        return k;
    }

    /// <summary>"Trump on Tuesday, Nov. 26, told": a date between commas sits between the subject and its verb.</summary>
    private static int StripDateClauses(List<Token> tokens, int k)
    {
        while (k >= 1 && tokens[k].EndsClause)
        {
            var start = k;
            while (start > 0 && !tokens[start - 1].EndsClause && k - start < 3)
            {
                start--;
            }

            var isDate = Enumerable.Range(start, k - start + 1).All(t => IsDateWord(tokens[t].Word) || Lexicon.Prepositions.Contains(tokens[t].Word))
                && Enumerable.Range(start, k - start + 1).Any(t => IsDateWord(tokens[t].Word));
            if (!isDate || start == 0)
            {
                break;
            }

            k = start - 1;
            if (!tokens[k].EndsClause)
            {
                // "on Tuesday," before the date: strip it with the usual time rule below.
                break;
            }
        }

        return k;
    }

    private static bool IsDateWord(string word)
        => Lexicon.TimeWords.Contains(word) || Lexicon.TimeWords.Contains(word.TrimEnd('.')) || IsYear(word) || (word.Length <= 2 && word.All(char.IsDigit));
}
