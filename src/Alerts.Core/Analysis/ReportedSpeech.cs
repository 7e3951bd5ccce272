namespace Alerts.Analysis;

/// <summary>Step: statements in prose: indirect speech ("X said that …"), "according to X", participles ("…, adding that …").</summary>
internal sealed partial class StatementExtraction
{
    private void ReadProse(TextRange range)
    {
        if (range.Length <= 0)
        {
            return;
        }

        foreach (var sentence in TextLayout.Sentences(text, range, quotes))
        {
            ReadSentence(sentence);
        }
    }

    private void ReadSentence(TextRange sentence)
    {
        var tokens = TextLayout.Tokens(text, sentence).Where(t => t.Word.Length > 0).ToList();
        if (tokens.Count < 4)
        {
            return;
        }

        var paragraph = ParagraphOf(sentence.Start);
        if (ReadAccordingTo(sentence, tokens, paragraph))
        {
            return;
        }

        for (var v = 0; v < tokens.Count; v++)
        {
            if (v > 1 && tokens[v - 1].Word == "al" && Lexicon.SpeechInfinitives.Contains(tokens[v].Word) && !InsideQuote(tokens[v].Start)
                && ReadSayingInfinitive(sentence, tokens, v, paragraph))
            {
                return;
            }

            if (!IsSpeechVerb(tokens, v) || InsideQuote(tokens[v].Start))
            {
                continue;
            }

            if (v >= 4 && tokens[v - 1].EndsClause && ReadInvertedAttribution(sentence, tokens, v, paragraph) is { } resume)
            {
                // "…en México, afirmó la presidenta Claudia Sheinbaum, pero, aclaró, …": read on after the speaker.
                v = resume - 1;
                continue;
            }

            if (found.Count > 0 && found[^1].Offset >= sentence.Start && found[^1].Offset < sentence.End && v > 0
                && (Lexicon.Conjunctions.Contains(tokens[v - 1].Word) || (tokens[v - 1].EndsClause && tokens[v].EndsClause)))
            {
                // "…, y subrayó su rechazo …", "…, pero, aclaró, no quiere decir …": the same speaker goes on.
                if (Emit(found[^1].Speaker, Complement(tokens, v, sentence), paragraph))
                {
                    return;
                }

                continue;
            }

            var subject = Subject(tokens, v);
            if (subject is { } relative && relative.Start > 0 && tokens[relative.Start - 1].Word is "which" or "whom" or "whose" or "what" or "cual" or "cuales")
            {
                // "The group, which the State Department says is a terrorist organization, …": an aside, not a statement;
                // "…, repeating what she had told reporters": the words are elsewhere.
                continue;
            }

            if (subject is { } s)
            {
                var speaker = resolver.Resolve(s.Mention, tokens[s.Start].Start, lastSpeaker);
                if (speaker is null)
                {
                    continue;
                }

                // "…, the minister said on Friday." ends a clause the speaker said; "During the debate, Pence backed …" and
                // "El martes, Ebrard rechazó …" open with circumstances, not with what was said.
                var trailing = s.Start > 3 && tokens[s.Start - 1].EndsClause && IsAdjunctOnly(tokens, v)
                    && !(Lexicon.ObjectSpeechVerbs.Contains(tokens[v].Word) && v + 1 < tokens.Count && !IsCircumstanceOnly(tokens, v + 1))
                    && !IsAdjunctClause(tokens, s.Start);
                var range = trailing ? ClauseBefore(sentence, tokens[s.Start - 1]) : Complement(tokens, v, sentence);
                if (range is { } r && Emit(speaker, r, paragraph))
                {
                    if (r.End < tokens[^1].Start)
                    {
                        // "Trump offered to send troops, an offer Sheinbaum said she had refused": read on after the object.
                        v = tokens.FindIndex(t => t.Start >= r.End) - 1;
                        continue;
                    }

                    // "Trump threatened to send troops, saying the cartels run Mexico": the participle says more.
                    ReadParticiple(sentence, tokens, paragraph, speaker);
                    return;
                }

                if (range is null && EndsWithColon(sentence.End))
                {
                    // "Vanda Felbab-Brown said in an interview:" announces the quotation in the next paragraph.
                    paragraphSpeaker = speaker;
                    lastSpeaker = speaker;
                    return;
                }

                continue;
            }

            if (v == 0 && tokens.Count > 2 && Lexicon.Complementizers.Contains(tokens[1].Word) && lastSpeaker is not null)
            {
                // Spanish drops a known subject: "Agregó que …" goes on from the last speaker.
                if (Emit(lastSpeaker, Complement(tokens, 0, sentence), paragraph))
                {
                    return;
                }

                continue;
            }

            if (v > 0 && tokens[v - 1].EndsClause && v + 1 < tokens.Count)
            {
                // Inverted: "…, reported the New York Times." / "…, said Jane Doe, the mayor."
                var mention = SpeakerPhrase.Parse(Slice(tokens[v + 1].Start, tokens[^1].End));
                var speaker = mention is null ? null : resolver.Resolve(mention, tokens[v + 1].Start, lastSpeaker);
                if (speaker is not null && Emit(speaker, ClauseBefore(sentence, tokens[v - 1]), paragraph))
                {
                    return;
                }
            }
        }

        ReadParticiple(sentence, tokens, paragraph, null);
    }

    /// <summary>"Llamarlos terroristas da elementos para intervenir, afirmó la presidenta Claudia Sheinbaum, …": a
    /// clause, then a verb and a named speaker up to the next comma. Returns the token where reading resumes.</summary>
    private int? ReadInvertedAttribution(TextRange sentence, List<Token> tokens, int verb, int paragraph)
    {
        var close = tokens.FindIndex(verb + 1, t => t.EndsClause);
        var last = close < 0 ? tokens.Count - 1 : close;
        if (close < 0 || last <= verb || last - verb > limits.MaxSpeakerWords || close == tokens.Count - 1)
        {
            return null; // to the sentence's end: the older inverted reading below handles it
        }

        var phrase = tokens.GetRange(verb + 1, last - verb);
        var cut = CircumstanceStart(phrase);
        if (cut > 0)
        {
            phrase = phrase.Take(cut).ToList();
        }

        var mention = SpeakerPhrase.Parse(Slice(phrase[0].Start, phrase[^1].End).TrimEnd(','));
        if (mention is null || mention.Form is MentionForm.Pronoun or MentionForm.Implicit)
        {
            return null;
        }

        var speaker = resolver.Resolve(mention, phrase[0].Start, lastSpeaker);
        return speaker is not null && Emit(speaker, ClauseBefore(sentence, tokens[verb - 1]), paragraph) ? last + 1 : null;
    }

    /// <summary>"La mandataria fue tajante al decir que …", "… al asegurar que …": the subject of the main clause says
    /// what follows the infinitive.</summary>
    private bool ReadSayingInfinitive(TextRange sentence, List<Token> tokens, int verb, int paragraph)
    {
        var subject = LeadingSubject(tokens, verb - 1);
        var speaker = subject is { } s ? resolver.Resolve(s.Mention, tokens[s.Start].Start, lastSpeaker) : null;
        return speaker is not null && Emit(speaker, Complement(tokens, verb, sentence), paragraph);
    }

    /// <summary>"Trump has threatened to send troops, saying the cartels run Mexico." / "…,” Sheinbaum said, adding that
    /// Mexico would defend itself.": what the participle introduces is said by the clause's subject.</summary>
    private void ReadParticiple(TextRange sentence, List<Token> tokens, int paragraph, Speaker? speaker)
    {
        var p = tokens.FindIndex(1, t => Lexicon.Participles.Contains(t.Word));
        if (p < 1 || !tokens[p - 1].EndsClause || p + 3 >= tokens.Count || InsideQuote(tokens[p].Start))
        {
            return;
        }

        if (speaker is null)
        {
            var subject = LeadingSubject(tokens, p - 1);
            speaker = subject is { } s ? resolver.Resolve(s.Mention, tokens[s.Start].Start, lastSpeaker) : null;
        }

        var from = p + 1;
        if (Lexicon.Complementizers.Contains(tokens[from].Word))
        {
            from++;
        }
        else if (Lexicon.WeakParticiples.Contains(tokens[p].Word))
        {
            return; // "adding a new name", "noting the date": an object, not speech
        }

        if (speaker is not null && from < tokens.Count)
        {
            Emit(speaker, Trimmed(new TextRange(tokens[from].Start, sentence.End)), paragraph);
        }
    }

    private bool ReadAccordingTo(TextRange sentence, List<Token> tokens, int paragraph)
    {
        var attribution = AccordingTo(tokens, 0);
        if (attribution is null)
        {
            return false;
        }

        var speaker = resolver.Resolve(attribution.Mention, attribution.Offset, lastSpeaker);
        if (speaker is null)
        {
            return false;
        }

        var at = tokens.FindIndex(t => t.Start == attribution.Offset);
        TextRange? range = at > 0 && tokens[at - 1].EndsClause
            ? ClauseBefore(sentence, tokens[at - 1])
            : at == 0 ? Trimmed(new TextRange(attribution.End, sentence.End)) : null;
        return range is { } r && Emit(speaker, r, paragraph);
    }

    private bool Emit(Speaker speaker, TextRange? range, int paragraph)
    {
        if (range is not { } r || r.Length <= 0)
        {
            return false;
        }

        var statement = text[r.Start..r.End];
        // Drop the comma a trailing attribution leaves inside a closing quote: "… off the table,” she said."
        statement = statement.Replace(",\u201D", "\u201D", StringComparison.Ordinal).Replace(",\"", "\"", StringComparison.Ordinal)
            .TrimEnd(',', ';', ':', ' ');
        if (WordCount(statement) < limits.MinStatementWords)
        {
            return false;
        }

        var quoted = quotes.Where(q => q.Open >= r.Start && q.Close <= r.End).Sum(q => q.InnerEnd - q.InnerStart);
        var kind = speaker.Kind == SpeakerKind.Media ? StatementKind.Report
            : quoted * 2 >= statement.Length ? StatementKind.Direct : StatementKind.Indirect;
        var before = found.Count;
        Add(speaker, statement, kind, r.Start, r.Length, paragraph);
        return found.Count > before;
    }
}
