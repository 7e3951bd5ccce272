using System.Text.RegularExpressions;

namespace Alerts.Analysis;

/// <summary>Step: the statement's own span after its verb: the claim, without listener, circumstances or lead-in.</summary>
internal sealed partial class StatementExtraction
{
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
        // "told American journalist Bill Reilly in an interview that": a listener and circumstances, however named.
        var listenerRun = listener && that > verb + 1 && that - verb <= 10;
        if (listener && i < tokens.Count && that < 0 && (Lexicon.Prepositions.Contains(tokens[i].Word) || tokens[i].Word is "against" or "about" or "of" or "contra" or "sobre"))
        {
            return null;
        }

        var thatClause = that >= 0 && (that == i || adjunctFirst || adjunctRun || listenerRun);
        // "declared a national emergency", "declaró a seis cárteles como organizaciones terroristas": to declare
        // something is an act; only "declared that …", a colon or quoted words ("declared a “war”") make it speech.
        if (!thatClause && !hasColon && Lexicon.DeclareVerbs.Contains(tokens[verb].Word) && i < tokens.Count
            && !quotes.Any(q => q.Open >= tokens[i].Start - 1 && q.Open < (tokens.FindIndex(i, t => t.EndsClause) is var c and >= 0 ? tokens[c].End : sentence.End)))
        {
            return null;
        }

        if (thatClause)
        {
            i = that + 1;
        }
        else if (Lexicon.ObjectSpeechVerbs.Contains(tokens[verb].Word) && i < tokens.Count)
        {
            if (Lexicon.OfferVerbs.Contains(tokens[verb].Word) && DescribesABriefing(tokens, i))
            {
                return null;
            }

            // The object is short; a comma after it starts what the sentence adds ("…, following reports that …",
            // "…, an offer she said she had refused", "…, saying …").
            var close = tokens.FindIndex(i + 2 < tokens.Count ? i + 2 : i, t => t.EndsClause && !InsideQuote(t.End - 1));
            var end = close < 0 || close == tokens.Count - 1 ? sentence.End : tokens[close].End;
            // "pidió cooperación luego de que Trump anunciara …": the occasion that follows is narration, not the claim.
            var occasion = tokens.FindIndex(i + 2 < tokens.Count ? i + 2 : i, t => Lexicon.OccasionWords.Contains(t.Word) && !InsideQuote(t.Start));
            if (occasion > 0 && tokens[occasion].Start < end)
            {
                end = tokens[occasion - 1].End;
            }

            return Trimmed(new TextRange(tokens[verb].Start, end));
        }
        else
        {
            if (Lexicon.WeakVerbs.Contains(tokens[verb].Word) && !hasColon)
            {
                return null;
            }

            i = SkipAdjuncts(tokens, i);
            // "respondió con firmeza a la orden": a manner phrase before the object.
            if (i + 2 < tokens.Count && tokens[i].Word is "con" or "with" && !tokens[i + 1].EndsClause && tokens[i + 2].Word is "a" or "al" or "to")
            {
                return null;
            }

            // "respondió este martes a las declaraciones de …", "responded to the report": an object, not speech.
            if (i < tokens.Count && (Lexicon.Prepositions.Contains(tokens[i].Word) || tokens[i].Word is "about" or "sobre" or "contra" or "against"
                    || (tokens[i].Word is "a" or "al" && i + 1 < tokens.Count && (tokens[i + 1].Word is "la" or "las" or "los" or "el" || SpeakerPhrase.IsCapitalized(tokens[i + 1].Word)))))
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

        return Trimmed(new TextRange(start, QuotedThenOccasion(tokens, i) ?? SecondVerbStart(tokens, i) ?? sentence.End));
    }

    /// <summary>"offered a detailed account of …", "ofreció amplios detalles de …": the object, past a determiner and
    /// one describing word, is an account of what was said.</summary>
    private static bool DescribesABriefing(List<Token> tokens, int from)
    {
        var t = from;
        if (t < tokens.Count && Lexicon.Determiners.Contains(tokens[t].Word))
        {
            t++;
        }

        return (t < tokens.Count && Lexicon.AccountNouns.Contains(tokens[t].Word))
            || (t + 1 < tokens.Count && !tokens[t].EndsClause && Lexicon.AccountNouns.Contains(tokens[t + 1].Word));
    }

    /// <summary>"aseguró que «no hay nada que temer» tras las declaraciones de …", "said it was “not on the table”
    /// after the report …": the quoted words close the claim, and the occasion that follows them is narration.</summary>
    private int? QuotedThenOccasion(List<Token> tokens, int from)
    {
        for (var j = from + 1; j < tokens.Count; j++)
        {
            if (!Lexicon.OccasionWords.Contains(tokens[j].Word) || InsideQuote(tokens[j].Start))
            {
                continue;
            }

            var k = tokens[j].Start - 1;
            while (k > tokens[from].Start && (char.IsWhiteSpace(text[k]) || text[k] == ','))
            {
                k--;
            }

            if (Lexicon.ClosingQuoteMarks.Contains(text[k]))
            {
                return k + 1;
            }
        }

        return null;
    }

    /// <summary>"… tiene que hacer su parte, y subrayó su rechazo …": a second speech verb joined by "y"/"and" ends the
    /// first statement (the same speaker's next one starts there).</summary>
    private int? SecondVerbStart(List<Token> tokens, int from)
    {
        for (var j = from + 2; j < tokens.Count; j++)
        {
            if (tokens[j - 2].EndsClause && Lexicon.Conjunctions.Contains(tokens[j - 1].Word) && IsSpeechVerb(tokens, j) && !InsideQuote(tokens[j].Start))
            {
                return tokens[j - 2].End;
            }
        }

        return null;
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

    [GeneratedRegex(@"^.{0,160}?\b(?:but|and|pero|y)\s+(?:also\s+)?(?:said|says|added|noted|stressed|insisted|warned|dijo|afirmó|señaló)\s+(?:that\s+|que\s+)?", RegexOptions.CultureInvariant)]
    private static partial Regex ButSaid();
}
