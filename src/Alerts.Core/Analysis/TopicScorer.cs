using System.Text.RegularExpressions;

namespace Alerts.Analysis;

/// <param name="Relevance">0 (unrelated) to 1 (squarely on the topic); from 0.5 up the topic's structure holds (an
/// action tied to the watched place or adversary), below it does not, however many topic words there are.</param>
/// <param name="Cues">Matched terms; "paragraph:", "previous:", "title:" and "lead:" mark those found only in context,
/// "exclusion:", "elsewhere:" and "subject:" the reason a statement was held off-topic.</param>
public sealed record TopicRelevance(double Relevance, IReadOnlyList<string> Cues);

/// <summary>Whether a statement concerns the watched topic, at two levels: the statement with its context (paragraph,
/// paragraph before), and the article's subject (<see cref="ArticleSubject"/>). A statement is on topic when an
/// action is tied to the watched place or adversary with an outside actor, all found in the statement, its context or
/// an on-topic article subject; never on action words alone, never when it is itself about an excluded subject or
/// about somewhere else, and in an article about an excluded subject or about elsewhere only on its own words.</summary>
public sealed partial class TopicScorer
{
    private const double ParagraphWeight = 0.5;
    private const double PreviousWeight = 0.3;
    private const double AnaphoricPreviousWeight = 0.6;
    private const double TitleWeight = 0.25;
    private const double TitleCap = 0.3;
    private const double OffTopicCap = 0.45;
    private const double StrongAction = 0.8;
    private const double MilitaryAction = 1.0;
    private const double Saturation = 1.2;
    private const int LeadParagraphs = 3;
    private const int LeadWords = 80;
    private const int MinLeadParagraphWords = 5;

    /// <summary>What a paragraph of quotation holds besides its quotes: "the president responded", "señaló la
    /// mandataria en su conferencia".</summary>
    private const int MaxAttributionWords = 8;

    private static readonly Regex Anaphora = new(@"\b(it|its|it’s|it's|they|them|their|(?:this|that)(?!\s+(?:year|week|month|morning|afternoon|evening|time)\b)|these|those|such|(?:este|esta|estos|estas)(?!\s+(?:año|semana|mes|lunes|martes|miércoles|jueves|viernes|sábado|domingo|mañana|tarde|noche|vez)\b)|esto|eso|ello|ellos|esa|ese|tal|lo)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private readonly List<TopicTerm> actions;
    private readonly List<TopicTerm> actors;
    private readonly List<TopicTerm> places;
    private readonly List<TopicTerm> agents;
    private readonly List<TopicTerm> elsewhere;
    private readonly List<TopicTerm> exclusions;

    public TopicScorer(TopicProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        actions = TopicTerm.ParseAll(profile.Actions, 1.0);
        actors = TopicTerm.ParseAll(profile.Actors, 0.6);
        places = TopicTerm.ParseAll(profile.Places, 0.5);
        agents = TopicTerm.ParseAll(profile.Agents, 1.0);
        elsewhere = TopicTerm.ParseAll(profile.Elsewhere, 1.0);
        exclusions = TopicTerm.ParseAll(profile.Exclusions, 1.0);
    }

    /// <summary>The article's subject from its title and its first substantial paragraphs (captions, bylines and
    /// share buttons are too short to count).</summary>
    public ArticleSubject Subject(string? title, string? text)
    {
        var lead = string.Join("\n", (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => Words(p) >= MinLeadParagraphWords)
            .Take(LeadParagraphs)
            .Aggregate(new List<string>(), (taken, p) =>
            {
                if (taken.Sum(Words) < LeadWords)
                {
                    taken.Add(p);
                }

                return taken;
            }));
        title = title?.Trim() ?? "";
        if (title.Length == 0 && lead.Length == 0)
        {
            return ArticleSubject.Unknown;
        }

        // Where the action is, the headline says: the title with the first lead paragraph. Later paragraphs of a
        // regional story name many countries.
        var headline = Read(title + "\n" + lead.Split('\n')[0]);
        var evidence = Read(title + "\n" + lead);
        // Excluded subjects against actions, the title counting double: a trade article may mention troops, and an
        // article about troops may mention trade.
        var excluded = evidence.Exclusion is not null
            && 2 * Count(exclusions, title) + Count(exclusions, lead) > 2 * Count(actions, title) + Count(actions, lead);
        return new ArticleSubject(title, lead, evidence, excluded, headline.IsElsewhere);
    }

    public TopicRelevance Score(ExtractedStatement statement, ArticleSubject subject)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return Score(subject, statement.Text, statement.Paragraph, statement.PreviousParagraph);
    }

    /// <summary>Scores against a subject known only from the title.</summary>
    public TopicRelevance Score(ExtractedStatement statement, string? title)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return Score(Subject(title, null), statement.Text, statement.Paragraph, statement.PreviousParagraph);
    }

    public TopicRelevance Score(string statement, string? paragraph, string? previousParagraph, string? title)
        => Score(Subject(title, null), statement, paragraph, previousParagraph);

    public TopicRelevance Score(ArticleSubject subject, string statement, string? paragraph, string? previousParagraph)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(subject);
        var anaphoric = Anaphora.IsMatch(statement);
        var s = Read(statement);
        var p = Read(paragraph);
        // What comes before the first paragraph is the headline.
        var q = Read(previousParagraph ?? (paragraph != subject.Title ? subject.Title : null));
        var cues = new List<string>();
        var relevance = Weigh(statement, paragraph, previousParagraph, subject, anaphoric, cues);

        var reason = OffTopicReason(s, p, q, subject);
        if (reason is not null)
        {
            cues.Add(reason);
            return new TopicRelevance(Math.Round(Math.Min(relevance, OffTopicCap), 3), cues);
        }

        return OnTopic(s, p, q, subject, anaphoric, statement, paragraph)
            ? new TopicRelevance(Math.Round(0.5 + 0.5 * relevance, 3), cues)
            : new TopicRelevance(Math.Round(Math.Min(relevance, OffTopicCap), 3), cues);
    }

    /// <summary>What holds a statement off-topic whatever its context says, or null.</summary>
    private static string? OffTopicReason(TopicEvidence s, TopicEvidence p, TopicEvidence q, ArticleSubject subject)
    {
        var ownTopic = s.StrongestAction >= StrongAction && s.Tie;
        if (s.Exclusion is not null && !ownTopic)
        {
            return "exclusion:" + s.Exclusion;
        }

        // Venezuela or Chicago named more than Mexico in the statement (as often, unless it speaks of the action), or
        // its passage about them and the statement not about the action against the watched adversary itself.
        if (s.IsElsewhere || (s.LeansElsewhere && !s.HasAction))
        {
            return "elsewhere:statement";
        }

        if ((p.LeansElsewhere || q.IsElsewhere) && !(s.HasAction && s.Tie))
        {
            return "elsewhere:context";
        }

        // In a trade or extradition story only plainly military words count: "sovereignty" there is economic.
        if (subject.Excluded && !(s.StrongestAction >= MilitaryAction && s.Tie && s.Agent))
        {
            return "subject:excluded";
        }

        if (subject.Elsewhere && !(s.HasAction && s.Place))
        {
            return "subject:elsewhere";
        }

        return null;
    }

    private bool OnTopic(TopicEvidence s, TopicEvidence p, TopicEvidence q, ArticleSubject subject, bool anaphoric, string statement, string? paragraph)
    {
        var agent = agents.Count == 0 || !subject.IsKnown || s.Agent || p.Agent || q.Agent || subject.Evidence.Agent;
        var tiesNear = s.Tie || p.Tie || q.Tie || NoTies;
        var actionNear = s.HasAction || p.HasAction || (anaphoric && q.HasAction);
        if (agent && actionNear && tiesNear)
        {
            return true;
        }

        // In an article about the topic, a statement carrying any of its words, answering a passage about the action
        // or pointing back at it is about it too: "we are watching the cartels", "we have always said it: no". Not
        // an aside quoted in narration: "she would not be drawn, as it was, she said, 'a day for families'".
        // Not when its own paragraph, or the one before that it leans on, is about an excluded subject (the peso, trade).
        return subject.OnTopic && p.Exclusion is null
            && (s.HasAction || s.Actor || p.HasAction || (((q.HasAction && MayAnswerThePassageBefore(statement, paragraph)) || anaphoric) && q.Exclusion is null));
    }

    /// <summary>A statement that is its paragraph (or most of it), or that takes a stance (a denial, a will or a must), may
    /// answer the passage before it; a phrase quoted inside narration that asserts nothing ("a day for families")
    /// answers only what that paragraph says.</summary>
    private static bool MayAnswerThePassageBefore(string statement, string? paragraph)
        => string.IsNullOrWhiteSpace(paragraph) || 2 * statement.Length >= paragraph.Trim().Length
            || Words(Quotation().Replace(paragraph, " ")) <= MaxAttributionWords || Stance().IsMatch(statement);

    private bool NoTies => places.Count == 0 && actors.Count == 0;

    /// <summary>The strength of the topic words: the statement's own count fully, its context and the article's
    /// subject less.</summary>
    private double Weigh(string statement, string? paragraph, string? previous, ArticleSubject subject, bool anaphoric, List<string> cues)
    {
        var previousWeight = anaphoric ? AnaphoricPreviousWeight : PreviousWeight;
        double sum = 0, subjectSum = 0;
        foreach (var term in actions.Concat(actors).Concat(places))
        {
            if (term.Matches(statement))
            {
                sum += term.Weight;
                cues.Add(term.Text);
            }
            else if (term.Matches(paragraph))
            {
                sum += term.Weight * ParagraphWeight;
                cues.Add("paragraph:" + term.Text);
            }
            else if (term.Matches(previous))
            {
                sum += term.Weight * previousWeight;
                cues.Add("previous:" + term.Text);
            }
            else if (term.Matches(subject.Title) || term.Matches(subject.Lead))
            {
                subjectSum += term.Weight * TitleWeight;
                cues.Add((term.Matches(subject.Title) ? "title:" : "lead:") + term.Text);
            }
        }

        return 1 - Math.Exp(-(sum + Math.Min(subjectSum, TitleCap)) / Saturation);
    }

    private TopicEvidence Read(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return TopicEvidence.None;
        }

        // One article's statements share paragraphs, title and lead: each is read once. The memo stays small (one
        // article's texts, a few hundred at most) and is simply emptied when it grows past that.
        if (memo.TryGetValue(text, out var known))
        {
            return known;
        }

        if (memo.Count > MemoLimit)
        {
            memo.Clear();
        }

        return memo[text] = ReadUncached(text);
    }

    private const int MemoLimit = 512;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TopicEvidence> memo = new(StringComparer.Ordinal);

    private TopicEvidence ReadUncached(string text)
    {
        var matchedActions = actions.Where(t => t.Matches(text)).ToList();
        return new TopicEvidence(
            matchedActions.Sum(t => t.Weight),
            matchedActions.Count == 0 ? 0 : matchedActions.Max(t => t.Weight),
            places.Any(t => t.Matches(text)),
            actors.Any(t => t.Matches(text)),
            agents.Any(t => t.Matches(text)),
            Count(places, text),
            Count(elsewhere, text),
            exclusions.FirstOrDefault(t => t.Matches(text))?.Text);
    }

    // Mentions, not matches: "mexicanos" is one mention though "mexican*" and "mexicano*" both match it.
    private static int Count(List<TopicTerm> terms, string text) => terms.SelectMany(t => t.Starts(text)).Distinct().Count();

    private static int Words(string paragraph) => paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"\b(?:no|not|never|nothing|won’t|won't|will|would|must|should|cannot|can’t|can't|nunca|nada|jamás|tampoco|va|vamos|van|habrá|debe|deben|debemos|puede|pueden|podemos)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Stance();

    [GeneratedRegex("“[^”]*”|\"[^\"]*\"|«[^»]*»|''.*?''", RegexOptions.CultureInvariant)]
    private static partial Regex Quotation();
}
