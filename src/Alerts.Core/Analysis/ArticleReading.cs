namespace Alerts.Analysis;

/// <summary>One pass of <see cref="StatementExtractor"/> over one article, step by step (quotation chains here; the
/// attribution, prose, speaker-phrase and span steps in their own files); holds the state a reader keeps in mind
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
        ReadHeadline();
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
            // Spanish puts the full stop after the closing mark: “…”.
            var standsAlone = first.Open == range.Start && IsBlank(chain.Parts[^1].Close, lastParagraph.End, '.');
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

        var kind = speaker.Kind == SpeakerKind.Media ? StatementKind.Report : StatementKind.Direct;
        foreach (var claim in QuoteClaims.Split(text, chain.Parts, quotes))
        {

            var words = Join(claim.Select(s => text[s.Start..s.End].Trim()).ToList());
            var end = claim[^1].Start + text[claim[^1].Start..claim[^1].End].TrimEnd().TrimEnd(',').Length;
            Add(speaker, words, kind, claim[0].Start, end - claim[0].Start, ParagraphOf(claim[0].Start));
        }

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

    private static bool IsSpeechVerb(List<Token> tokens, int v)
    {
        if (!Lexicon.SpeechVerbs.Contains(tokens[v].Word))
        {
            return false;
        }

        // "refused to say", "did not say", "was told", "who said", "the reported directive"
        var previous = v > 0 ? tokens[v - 1].Word : "";
        if (previous is "who" or "quien" && v > 1 && tokens[v - 2].EndsClause)
        {
            return true; // "Ted Cruz, who said …": a relative clause on a named person still reports their words.
        }

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

    private bool IsBlank(int start, int end, char alsoBlank = ',')
        => end <= start || text[start..end].All(c => char.IsWhiteSpace(c) || c is ',' or '\u2014' || c == alsoBlank);

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
}
