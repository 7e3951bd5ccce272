using System.Text.RegularExpressions;

namespace Alerts.Analysis;

/// <summary>One pass of <see cref="StatementExtractor"/> over one article; holds the state a reader keeps in mind
/// (who spoke last, which quotation is still open).</summary>
internal sealed partial class StatementExtraction(string text, ExtractionLimits limits, string? title = null)
{
    private readonly IReadOnlyList<TextRange> paragraphs = TextLayout.Paragraphs(text);
    private readonly List<ExtractedStatement> found = [];
    private IReadOnlyList<Quote> quotes = [];
    private SpeakerResolver resolver = null!;
    private Speaker? lastSpeaker;
    private Speaker? previousParagraphSpeaker;
    private Speaker? paragraphSpeaker;
    private Chain? pending;

    private sealed record Attribution(SpeakerMention Mention, int Offset, int End);

    private sealed record Chain(List<Quote> Parts, Attribution? Attribution, int Paragraph, Speaker? SpeakerBefore);

    public IReadOnlyList<ExtractedStatement> Run()
    {
        quotes = TextLayout.Quotes(text, paragraphs);
        resolver = new SpeakerResolver(text, quotes, title);
        for (var p = 0; p < paragraphs.Count; p++)
        {
            paragraphSpeaker = null;
            if (IsHeadline(paragraphs[p]))
            {
                FlushPending();
                previousParagraphSpeaker = null;
                continue;
            }

            ReadParagraph(p);
            previousParagraphSpeaker = paragraphSpeaker;
        }

        FlushPending();
        return found.OrderBy(s => s.Offset).ToList();
    }

    private void ReadParagraph(int p)
    {
        var range = paragraphs[p];
        var here = quotes.Where(q => q.Paragraph == p).ToList();
        var position = range.Start;
        var i = 0;
        if (pending is not null)
        {
            var chain = pending;
            pending = null;
            if (here.Count > 0 && here[0].Open == range.Start)
            {
                chain.Parts.Add(here[0]);
                (position, i) = Continue(chain, here, 0, p);
            }
            else
            {
                Emit(chain);
            }
        }

        while (i < here.Count)
        {
            var quote = here[i];
            var sentence = TextLayout.Sentences(text, range, quotes).FirstOrDefault(s => s.Contains(quote.Open), range);
            var lead = text[Math.Max(sentence.Start, position)..quote.Open].Trim();
            Attribution? attribution = null;
            var full = lead.Length == 0;
            if (!full && (lead.EndsWith(':') || lead.EndsWith(',') || lead.EndsWith('\u2014')))
            {
                attribution = LeadAttribution(new TextRange(Math.Max(sentence.Start, position), quote.Open));
                full = attribution is not null || lead.EndsWith(':');
            }

            if (!full)
            {
                i++;
                continue;
            }

            ReadProse(new TextRange(position, attribution is null ? quote.Open : Math.Max(position, sentence.Start)));
            (position, i) = Continue(new Chain([quote], attribution, p, previousParagraphSpeaker), here, i, p);
        }

        ReadProse(new TextRange(position, range.End));
    }

    /// <summary>Grows a chain of quotation parts within paragraph <paramref name="p"/>: "“A,” she said. “B.”" is one
    /// statement. Returns where prose resumes and the index of the next unread quotation.</summary>
    private (int Position, int Next) Continue(Chain chain, List<Quote> here, int index, int p)
    {
        var range = paragraphs[p];
        var attribution = chain.Attribution;
        var end = chain.Parts[^1].Close;
        while (true)
        {
            var last = chain.Parts[^1];
            if (!last.Closed)
            {
                pending = chain with { Attribution = attribution };
                return (range.End, here.Count);
            }

            var next = index + 1 < here.Count ? here[index + 1] : null;
            var gapEnd = next?.Open ?? range.End;
            if (attribution is null)
            {
                attribution = TailAttribution(new TextRange(last.Close, gapEnd));
                if (attribution is null)
                {
                    break;
                }

                end = attribution.End;
                if (next is not null && IsBlank(attribution.End, next.Open))
                {
                    chain.Parts.Add(next);
                    index++;
                    end = next.Close;
                    continue;
                }

                break;
            }

            if (next is not null && IsBlank(last.Close, next.Open))
            {
                chain.Parts.Add(next);
                index++;
                end = next.Close;
                continue;
            }

            break;
        }

        Emit(chain with { Attribution = attribution });
        return (Math.Max(end, chain.Parts[^1].Close), index + 1);
    }

    private void FlushPending()
    {
        if (pending is not null)
        {
            Emit(pending);
            pending = null;
        }
    }

    private void Emit(Chain chain)
    {
        var first = chain.Parts[0];
        Speaker? speaker;
        if (chain.Attribution is { } attribution)
        {
            speaker = resolver.Resolve(attribution.Mention, attribution.Offset, lastSpeaker);
        }
        else
        {
            // An unattributed quotation that makes up its whole paragraph carries on from the previous speaker.
            var range = paragraphs[chain.Paragraph];
            var lastParagraph = paragraphs[chain.Parts[^1].Paragraph];
            var standsAlone = first.Open == range.Start && IsBlank(chain.Parts[^1].Close, lastParagraph.End);
            speaker = standsAlone ? chain.SpeakerBefore : null;
        }

        var parts = chain.Parts.Select(q => text[q.InnerStart..q.InnerEnd].Trim()).Where(t => t.Length > 0).ToList();
        if (speaker is null || parts.Count == 0)
        {
            return;
        }

        var joined = Join(parts);
        if (WordCount(joined) < limits.MinStatementWords)
        {
            return;
        }

        var offset = first.InnerStart + (text[first.InnerStart..first.InnerEnd].Length - text[first.InnerStart..first.InnerEnd].TrimStart().Length);
        var lastPart = chain.Parts[^1];
        var endOffset = lastPart.InnerStart + text[lastPart.InnerStart..lastPart.InnerEnd].TrimEnd().TrimEnd(',').Length;
        var kind = speaker.Kind == SpeakerKind.Media ? StatementKind.Report : StatementKind.Direct;
        Add(speaker, joined, kind, offset, endOffset - offset, chain.Paragraph);
        if (chain.Attribution is { } said && said.End > said.Offset)
        {
            var range = new TextRange(said.Offset, said.End);
            ReadParticiple(range, TextLayout.Tokens(text, range).Where(t => t.Word.Length > 0).ToList(), chain.Paragraph, speaker);
        }
    }

    private static string Join(List<string> parts)
    {
        var result = parts[0].TrimEnd(',', ' ');
        for (var i = 1; i < parts.Count; i++)
        {
            var previous = parts[i - 1];
            var next = parts[i];
            var separator = previous.EndsWith(',') && char.IsLower(next[0]) ? ", "
                : previous.TrimEnd('\u201D', '"', '\u2019').EndsWith('.') || previous.EndsWith('?') || previous.EndsWith('!')
                    || previous.EndsWith('\u2026') ? " " : ". ";
            result += separator + next.TrimEnd(',', ' ');
        }

        return result;
    }

    private void Add(Speaker speaker, string statement, StatementKind kind, int offset, int length, int paragraph)
    {
        if (found.Any(s => s.Offset < offset + length && offset < s.Offset + s.Length))
        {
            return;
        }

        var context = text[paragraphs[paragraph].Start..paragraphs[paragraph].End];
        var previous = paragraph > 0 ? text[paragraphs[paragraph - 1].Start..paragraphs[paragraph - 1].End] : null;
        if (paragraph > 1 && found.Any(s => s.Speaker == speaker && paragraphs[paragraph - 1].Contains(s.Offset)))
        {
            // The speaker goes on from their own statement in the paragraph before: the subject is still the one
            // that paragraph answered, so the context reaches one paragraph further back.
            previous = text[paragraphs[paragraph - 2].Start..paragraphs[paragraph - 1].End];
        }
        found.Add(new ExtractedStatement(speaker, statement, kind, offset, length, context, previous));
        lastSpeaker = speaker;
        paragraphSpeaker = speaker;
    }

    // ---- Attributions around quotations ----

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

    // ---- Indirect speech and reports in prose ----

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
            if (!IsSpeechVerb(tokens, v) || InsideQuote(tokens[v].Start))
            {
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

                var trailing = s.Start > 0 && tokens[s.Start - 1].EndsClause && IsAdjunctOnly(tokens, v);
                var range = trailing ? ClauseBefore(sentence, tokens[s.Start - 1]) : Complement(tokens, v, sentence);
                if (range is { } r && Emit(speaker, r, paragraph))
                {
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

        var start = tokens[end].EndsClause ? AppositiveStart(tokens, end) : NounPhraseStart(tokens, end);
        if (tokens[end].EndsClause && (start > end || end - start + 1 > limits.MaxSpeakerWords))
        {
            return RelativeClauseSubject(tokens, end);
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
        var i = 0;
        if (Lexicon.Determiners.Contains(tokens[0].Word))
        {
            i++;
        }

        while (i < before && !tokens[i].EndsClause && IsNounPhraseWord(tokens, i))
        {
            i++;
        }

        if (i == 0 || (i < before && tokens[i].EndsClause && IsNounPhraseWord(tokens, i)))
        {
            i++;
        }

        var mention = i == 0 ? null : SpeakerPhrase.Parse(Slice(tokens[0].Start, tokens[i - 1].End));
        return mention is null ? null : (mention, 0);
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
        if (k + 1 < tokens.Count && !tokens[k].EndsClause && word.All(char.IsLower)
            && (Lexicon.AnonymousHeads.Contains(tokens[k + 1].Word) || Lexicon.IsRoleWord(tokens[k + 1].Word))
            && !Lexicon.SpeechVerbs.Contains(word) && !Lexicon.Prepositions.Contains(word) && !Lexicon.Auxiliaries.Contains(word)
            && word is not ("and" or "but" or "or" or "that" or "y" or "que"))
        {
            return true;
        }

        var nextCapitalized = k + 1 < tokens.Count && (SpeakerPhrase.IsCapitalized(tokens[k + 1].Word) || Lexicon.IsRoleWord(tokens[k + 1].Word));
        return (word is "of" || Lexicon.Particles.Contains(word)) && nextCapitalized && k > 0;
    }

    private static int StripAuxiliaries(List<Token> tokens, int k)
    {
        while (k >= 0 && !tokens[k].EndsClause)
        {
            var word = tokens[k].Word;
            if (Lexicon.Auxiliaries.Contains(word) || (word.EndsWith("ly", StringComparison.Ordinal) && !SpeakerPhrase.IsCapitalized(word)))
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

    private TextRange? Complement(List<Token> tokens, int verb, TextRange sentence)
    {
        var i = verb + 1;
        var hasColon = text[tokens[verb].End - 1] == ':';
        var listener = Lexicon.ListenerVerbs.Contains(tokens[verb].Word);
        if (listener)
        {
            i = SkipListener(tokens, i);
        }

        // "told reporters traveling with him", "said in an interview:", "warned citizens against travel": circumstances
        // only, nothing said.
        if (i < tokens.Count && IsCircumstanceOnly(tokens, i))
        {
            return null;
        }

        var that = -1;
        for (var t = i; t < tokens.Count && t <= i + 14; t++)
        {
            if (Lexicon.Complementizers.Contains(tokens[t].Word))
            {
                that = t;
                break;
            }

            if (tokens[t].EndsClause)
            {
                break;
            }
        }

        var adjunctFirst = i < tokens.Count && (Lexicon.Prepositions.Contains(tokens[i].Word) || tokens[i].Word.EndsWith("ly", StringComparison.Ordinal));
        // "afirmó este lunes que", "declaró en Washington que", "told a Senate panel that": only circumstances or a
        // listener stand between the verb and "that".
        var adjunctRun = that > i && Enumerable.Range(i, that - i).All(t => IsAdjunctWord(tokens, t));
        var listenerRun = listener && that > i && that - i <= 4;
        if (listener && i < tokens.Count && that < 0 && (Lexicon.Prepositions.Contains(tokens[i].Word) || tokens[i].Word is "against" or "about" or "of" or "contra" or "sobre"))
        {
            return null;
        }

        if (that >= 0 && (that == i || adjunctFirst || adjunctRun || listenerRun))
        {
            i = that + 1;
        }
        else
        {
            if (Lexicon.WeakVerbs.Contains(tokens[verb].Word) && !hasColon)
            {
                return null;
            }

            i = SkipAdjuncts(tokens, i);
            // "respondió este martes a las declaraciones de …", "responded to the report": an object, not speech.
            if (i < tokens.Count && (Lexicon.Prepositions.Contains(tokens[i].Word) || tokens[i].Word is "about" or "sobre" or "contra" or "against"
                    || (tokens[i].Word == "a" && i + 1 < tokens.Count && (tokens[i + 1].Word is "la" or "las" or "los" or "el" || SpeakerPhrase.IsCapitalized(tokens[i + 1].Word)))))
            {
                return null;
            }
        }

        if (i >= tokens.Count)
        {
            return null;
        }

        var start = tokens[i].Start;
        var rest = text[start..sentence.End];
        var but = ButSaid().Match(rest);
        if (but.Success)
        {
            start += but.Index + but.Length;
        }

        return Trimmed(new TextRange(start, sentence.End));
    }

    private static bool IsCircumstanceOnly(List<Token> tokens, int i)
    {
        var first = tokens[i].Word;
        if (!(Lexicon.Prepositions.Contains(first) || first.EndsWith("ing", StringComparison.Ordinal)) || tokens.Count - i > 8)
        {
            return false;
        }

        for (var t = i; t < tokens.Count; t++)
        {
            var word = tokens[t].Word;
            var circumstance = Lexicon.Prepositions.Contains(word) || Lexicon.AdjunctWords.Contains(word) || Lexicon.TimeWords.Contains(word)
                || Lexicon.ListenerNouns.Contains(word) || Lexicon.Determiners.Contains(word) || SpeakerPhrase.IsCapitalized(word)
                || word.EndsWith("ing", StringComparison.Ordinal) || IsYear(word) || word is "of" or "for";
            if (!circumstance)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAdjunctWord(List<Token> tokens, int t)
    {
        var word = tokens[t].Word;
        // Spanish "declaró a Fox News que", "dijo a los periodistas que": a listener after "a".
        var spanishListener = word is "a" or "ante" && t + 1 < tokens.Count
            && (SpeakerPhrase.IsCapitalized(tokens[t + 1].Word) || tokens[t + 1].Word is "los" or "las" or "la" or "periodistas" or "medios");
        return !tokens[t].EndsClause && (spanishListener || Lexicon.Prepositions.Contains(word) || Lexicon.TimeWords.Contains(word) || IsYear(word)
            || Lexicon.Auxiliaries.Contains(word) || Lexicon.AdjunctWords.Contains(word)
            || (SpeakerPhrase.IsCapitalized(word) && !Lexicon.NotNames.Contains(word) && t > 0
                && (Lexicon.Prepositions.Contains(tokens[t - 1].Word) || tokens[t - 1].Word is "a" or "ante" || SpeakerPhrase.IsCapitalized(tokens[t - 1].Word))));
    }

    private static int SkipListener(List<Token> tokens, int i)
    {
        if (i >= tokens.Count)
        {
            return i;
        }

        if (Lexicon.ListenerNouns.Contains(tokens[i].Word))
        {
            return i + 1;
        }

        var j = i;
        if (tokens[j].Word is "the" or "a" or "la" or "el" or "los")
        {
            j++;
            if (j < tokens.Count && !SpeakerPhrase.IsCapitalized(tokens[j].Word) && !Lexicon.Complementizers.Contains(tokens[j].Word))
            {
                return j + 1; // "the public", "the press"
            }
        }

        var k = j;
        while (k < tokens.Count && k < j + 4 && SpeakerPhrase.IsCapitalized(tokens[k].Word))
        {
            k++;
            if (tokens[k - 1].EndsClause)
            {
                break;
            }
        }

        if (k > j && k < tokens.Count && Lexicon.ListenerNouns.Contains(tokens[k].Word))
        {
            k++;
        }

        return k > j ? k : i;
    }

    private static int SkipAdjuncts(List<Token> tokens, int i)
    {
        while (i < tokens.Count)
        {
            var word = tokens[i].Word;
            if ((word.EndsWith("ly", StringComparison.Ordinal) && !SpeakerPhrase.IsCapitalized(word) && word.Length > 4) || word is "also")
            {
                i++;
                continue;
            }

            if (i + 1 < tokens.Count && (Lexicon.Prepositions.Contains(word) || word is "last" or "this" or "el" or "este" or "esta")
                && (Lexicon.TimeWords.Contains(tokens[i + 1].Word) || IsYear(tokens[i + 1].Word)))
            {
                i += 2;
                continue;
            }

            break;
        }

        return i;
    }

    /// <summary>Nothing but circumstances after the verb: "said.", "told reporters on Friday.", "said in a statement to X."</summary>
    private static bool IsAdjunctOnly(List<Token> tokens, int verb)
    {
        var i = verb + 1;
        if (i < tokens.Count && Lexicon.ListenerVerbs.Contains(tokens[verb].Word))
        {
            i = SkipListener(tokens, i);
        }

        if (i >= tokens.Count)
        {
            return true;
        }

        var rest = tokens.Skip(i).ToList();
        var first = rest[0].Word;
        return rest.Count <= 12 && !rest.Any(t => Lexicon.Complementizers.Contains(t.Word))
            && (Lexicon.Prepositions.Contains(first) || first.EndsWith("ing", StringComparison.Ordinal)
                || first.EndsWith("ly", StringComparison.Ordinal) || first is "as");
    }

    private TextRange? ClauseBefore(TextRange sentence, Token clauseEnd)
        => Trimmed(new TextRange(sentence.Start, clauseEnd.End));

    private TextRange? Trimmed(TextRange range)
    {
        var start = range.Start;
        var end = range.End;
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is ',' or '\u2014'))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or ';' or ':' or '\u2014'
                   || (text[end - 1] == '.' && !TextLayout.IsAbbreviationWord(LastWord(start, end)))))
        {
            end--;
        }

        return end > start ? new TextRange(start, end) : null;
    }

    private string LastWord(int start, int end)
    {
        var space = text.LastIndexOf(' ', end - 1, end - start);
        return text[(space + 1)..end];
    }

    private static bool IsSpeechVerb(List<Token> tokens, int v)
    {
        if (!Lexicon.SpeechVerbs.Contains(tokens[v].Word))
        {
            return false;
        }

        // "refused to say", "did not say", "was told", "who said", "the reported directive"
        var previous = v > 0 ? tokens[v - 1].Word : "";
        return previous is not ("to" or "not" or "be" or "been" or "being" or "was" or "were" or "is" or "are" or "who" or "which"
            or "the" or "a" or "an" or "its" or "his" or "her" or "their" or "no" or "n’t" or "never");
    }

    private static bool IsYear(string word) => word.Length == 4 && word.All(char.IsDigit);

    private static int WordCount(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private bool EndsWithColon(int end)
    {
        var k = end - 1;
        while (k >= 0 && char.IsWhiteSpace(text[k]))
        {
            k--;
        }

        return k >= 0 && text[k] == ':';
    }

    private bool IsBlank(int start, int end)
        => end <= start || text[start..end].All(c => char.IsWhiteSpace(c) || c is ',' or '\u2014');

    private bool InsideQuote(int index) => quotes.Any(q => index > q.Open && index < q.Close);

    private int ParagraphOf(int index)
    {
        for (var p = 0; p < paragraphs.Count; p++)
        {
            if (paragraphs[p].Contains(index))
            {
                return p;
            }
        }

        return paragraphs.Count - 1;
    }

    // All-capital subheads ("NOT ENTERING MEXICAN TERRITORY?") carry no statements.
    private bool IsHeadline(TextRange range)
    {
        var letters = text[range.Start..range.End].Where(char.IsLetter).ToList();
        return letters.Count > 0 && letters.All(char.IsUpper);
    }

    private string Slice(int start, int end) => text[start..end];

    [GeneratedRegex(@"^.{0,160}?\b(?:but|and|pero|y)\s+(?:also\s+)?(?:said|says|added|noted|stressed|insisted|warned|dijo|afirmó|señaló)\s+(?:that\s+|que\s+)?", RegexOptions.CultureInvariant)]
    private static partial Regex ButSaid();
}
