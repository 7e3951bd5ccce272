namespace Alerts.Analysis;

/// <summary>Step: who a quotation is attributed to, from the words around it (tail "…,” Rubio said", lead "She added: “…”", "según X").</summary>
internal sealed partial class StatementExtraction
{
    /// <summary>"…,” Rubio said." / "…,” said Anna Kelly." / "…,” a leader at X, Jane Doe, said." / "…”, afirmó."</summary>
    private Attribution? TailAttribution(TextRange gap)
    {
        if (TextLayout.Sentences(text, gap, quotes) is not [var sentence, ..])
        {
            return null;
        }

        // The gap begins with the rest of the sentence the quotation closed, sometimes after a dash or comma.
        var tokens = TextLayout.Tokens(text, new TextRange(gap.Start, sentence.End)).Where(t => t.Word.Length > 0).ToList();
        var according = AccordingTo(tokens, 0);
        if (according is not null)
        {
            return according;
        }

        for (var v = 0; v < tokens.Count && v <= limits.MaxSpeakerWords; v++)
        {
            if (!IsSpeechVerb(tokens, v))
            {
                continue;
            }

            if (v == 0)
            {
                var after = tokens.Skip(1).ToList();
                var upTo = after.FindIndex(t => t.EndsClause);
                // "…”, explicó el portavoz del Pentágono, Sean Parnell, en un comunicado": the name after the comma
                // belongs to the speaker phrase.
                var next = upTo < 0 ? -1 : after.FindIndex(upTo + 1, t => t.EndsClause);
                var nameEnd = next < 0 ? after.Count - 1 : next;
                if (upTo >= 0 && upTo + 1 < after.Count && nameEnd - upTo <= 4
                    && after.Skip(upTo + 1).Take(nameEnd - upTo).All(t => SpeakerPhrase.IsPersonalNameWord(t.Word) || Lexicon.Particles.Contains(t.Word)))
                {
                    upTo = nameEnd;
                }

                else if (upTo >= 0 && upTo + 1 < after.Count && Lexicon.Determiners.Contains(after[upTo + 1].Word)
                    && after.Count - upTo <= 12 && after.Skip(upTo + 1).SkipLast(1).All(t => !t.EndsClause))
                {
                    upTo = after.Count - 1; // "…,” said David Mora, a security analyst at the Crisis Group."
                }

                var phraseTokens = upTo >= 0 ? after.Take(upTo + 1).ToList() : after;
                // "—dijo García Harfuch a los periodistas—", "afirmó la mandataria en su conferencia", "said Mora in a
                // statement": listener and circumstances are no part of the speaker.
                var cut = CircumstanceStart(phraseTokens);
                if (cut > 0)
                {
                    phraseTokens = phraseTokens.Take(cut).ToList();
                }

                var phrase = phraseTokens.Count == 0 ? null : Slice(phraseTokens[0].Start, phraseTokens[^1].End);
                var mention = phrase is null ? null : SpeakerPhrase.Parse(phrase);
                return new Attribution(mention ?? SpeakerMention.Implicit, tokens[0].Start, sentence.End);
            }

            var before = StripAuxiliaries(tokens, v - 1);
            if (before < 0)
            {
                return null;
            }

            var subject = SpeakerPhrase.Parse(Slice(tokens[0].Start, tokens[before].End).TrimStart(',', '\u2014', ' '));
            return subject is null ? null : new Attribution(subject, tokens[0].Start, sentence.End);
        }

        return null;
    }

    private static int CircumstanceStart(List<Token> phrase)
    {
        for (var k = 1; k < phrase.Count; k++)
        {
            var word = phrase[k].Word;
            var next = k + 1 < phrase.Count ? phrase[k + 1].Word : "";
            var listener = word is "a" or "to" or "ante" && (Lexicon.ListenerNouns.Contains(next) || next is "los" or "las" or "la" or "the"
                || (word != "to" && SpeakerPhrase.IsCapitalized(next)));
            var circumstance = (word is "en" or "in" or "at" or "during" or "durante" or "desde" or "from" or "on" or "tras" or "after"
                && !phrase[k - 1].EndsClause && !SpeakerPhrase.IsCapitalized(next) && next is not ("de" or "of"))
                || word is "al" or "luego" or "before" or "while" or "mientras";
            if (listener || circumstance)
            {
                return k;
            }

            if (phrase[k].EndsClause)
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>"Rubio said: “…”" / "She added, “…”" / "Según la vocera: «…»".</summary>
    private Attribution? LeadAttribution(TextRange lead)
    {
        var tokens = TextLayout.Tokens(text, lead).Where(t => t.Word.Length > 0).ToList();
        var according = AccordingTo(tokens, 0);
        if (according is not null)
        {
            return according;
        }

        for (var v = tokens.Count - 1; v >= 0 && v >= tokens.Count - 8; v--)
        {
            if (!IsSpeechVerb(tokens, v))
            {
                continue;
            }

            if (v == 0)
            {
                return new Attribution(SpeakerMention.Implicit, tokens[0].Start, lead.End);
            }

            var subject = Subject(tokens, v);
            if (subject is null && tokens[v].EndsClause && v > 0 && tokens[v - 1].EndsClause)
            {
                // "Tampoco, aseguró, “…”": an attribution set off by commas, its subject the speaker already in view.
                return new Attribution(SpeakerMention.Implicit, tokens[v].Start, lead.End);
            }

            return subject is null ? null : new Attribution(subject.Value.Mention, tokens[subject.Value.Start].Start, lead.End);
        }

        return null;
    }

    private Attribution? AccordingTo(List<Token> tokens, int from)
    {
        for (var i = from; i < tokens.Count; i++)
        {
            var skip = AccordingLength(tokens, i);
            if (skip == 0)
            {
                continue;
            }

            var start = i + skip;
            if (start >= tokens.Count)
            {
                return null;
            }

            // "Según su versión, …" is the speaker already in view; "según la visión del magnate" is the magnate.
            if (Lexicon.ViewNouns.Contains(tokens[start].Word)
                || (start + 1 < tokens.Count && Lexicon.ViewNouns.Contains(tokens[start + 1].Word)))
            {
                var view = Lexicon.ViewNouns.Contains(tokens[start].Word) ? start : start + 1;
                if (tokens[start].Word is "su" or "sus" or "his" or "her" or "their" || (view + 1 < tokens.Count && tokens[view].EndsClause))
                {
                    return new Attribution(SpeakerMention.Implicit, tokens[i].Start, tokens[view].End);
                }

                if (view + 2 < tokens.Count && tokens[view + 1].Word is "de" or "del" or "of")
                {
                    start = view + 2;
                }
            }

            // "according to the secretary of state, Marco Rubio, whose …": the appositive names the speaker.
            var firstEnd = tokens.FindIndex(start, t => t.EndsClause);
            var last = firstEnd < 0 ? tokens.Count - 1 : firstEnd;
            var secondEnd = firstEnd < 0 || firstEnd + 1 >= tokens.Count ? -1 : tokens.FindIndex(firstEnd + 1, t => t.EndsClause);
            if (secondEnd > 0 && secondEnd - firstEnd <= 4 && SpeakerPhrase.IsCapitalized(tokens[firstEnd + 1].Word))
            {
                last = secondEnd;
            }

            var mention = SpeakerPhrase.Parse(Slice(tokens[start].Start, tokens[last].End));
            return mention is null ? null : new Attribution(mention, tokens[i].Start, tokens[last].End);
        }

        return null;
    }

    private static int AccordingLength(List<Token> tokens, int i)
    {
        static bool Is(Token t, string word) => t.Word.Equals(word, StringComparison.OrdinalIgnoreCase);
        if (Is(tokens[i], "según"))
        {
            return 1;
        }

        if (i + 1 < tokens.Count && Is(tokens[i], "according") && Is(tokens[i + 1], "to"))
        {
            return 2;
        }

        // "En palabras del analista X", "in the words of X"
        if (i + 2 < tokens.Count && Is(tokens[i], "en") && Is(tokens[i + 1], "palabras") && tokens[i + 2].Word is "de" or "del")
        {
            return 3;
        }

        if (i + 3 < tokens.Count && Is(tokens[i], "in") && Is(tokens[i + 1], "the") && Is(tokens[i + 2], "words") && Is(tokens[i + 3], "of"))
        {
            return 4;
        }

        return i + 2 < tokens.Count && Is(tokens[i], "de") && Is(tokens[i + 1], "acuerdo") && Is(tokens[i + 2], "con") ? 3 : 0;
    }
}
