using System.Globalization;
using System.Text.RegularExpressions;

namespace Alerts.Analysis;

/// <param name="Relevance">0 (unrelated) to 1 (squarely on the topic).</param>
/// <param name="Cues">Matched terms; "paragraph:", "previous:" and "title:" mark those found only in context,
/// "exclusion:" a term that lowered the score.</param>
public sealed record TopicRelevance(double Relevance, IReadOnlyList<string> Cues);

/// <summary>How much a statement concerns the watched topic. The statement's own words count fully; its paragraph,
/// the paragraph before (more when the statement leans on it: "they", "it") and the title count less.</summary>
public sealed class TopicScorer
{
    private const double ParagraphWeight = 0.5;
    private const double PreviousWeight = 0.3;
    private const double AnaphoricPreviousWeight = 0.6;
    private const double TitleWeight = 0.25;
    private const double TitleCap = 0.3;
    private const double NoActionCap = 0.3;
    private const double PreviousOnlyCap = 0.45;
    private const double ExclusionFactor = 0.4;
    private const double Saturation = 1.2;

    private static readonly Regex Anaphora = new(@"\b(it|its|it’s|it's|they|them|their|(?:this|that)(?!\s+(?:year|week|month|morning|afternoon|evening|time)\b)|these|those|such|esto|eso|ello|ellos|esa|ese|tal)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private readonly List<Term> actions;
    private readonly List<Term> others;
    private readonly HashSet<Term> actors;
    private readonly List<Term> exclusions;

    public TopicScorer(TopicProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        actions = profile.Actions.Select(t => Term.Parse(t, 1.0)).ToList();
        actors = profile.Actors.Select(t => Term.Parse(t, 0.6)).ToHashSet();
        others = actors.Concat(profile.Places.Select(t => Term.Parse(t, 0.5))).ToList();
        exclusions = profile.Exclusions.Select(t => Term.Parse(t, 1.0)).ToList();
    }

    public TopicRelevance Score(ExtractedStatement statement, string? title)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return Score(statement.Text, statement.Paragraph, statement.PreviousParagraph, title);
    }

    public TopicRelevance Score(string statement, string? paragraph, string? previousParagraph, string? title)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var cues = new List<string>();
        var previousWeight = Anaphora.IsMatch(statement) ? AnaphoricPreviousWeight : PreviousWeight;
        double sum = 0, titleSum = 0;
        bool actionInStatement = false, actionInContext = false, actionInParagraph = false, actionInTitle = false, othersInStatement = false;
        var anaphoric = Anaphora.IsMatch(statement);
        foreach (var (term, isAction) in actions.Select(a => (a, true)).Concat(others.Select(o => (o, false))))
        {
            if (term.Matches(statement))
            {
                sum += term.Weight;
                cues.Add(term.Text);
                actionInStatement |= isAction;
                othersInStatement |= !isAction && actors.Contains(term);
            }
            else if (paragraph is not null && term.Matches(paragraph))
            {
                sum += term.Weight * ParagraphWeight;
                cues.Add("paragraph:" + term.Text);
                actionInContext |= isAction;
                actionInParagraph |= isAction;
            }
            else if (previousParagraph is not null && term.Matches(previousParagraph))
            {
                sum += term.Weight * previousWeight;
                cues.Add("previous:" + term.Text);
                actionInContext |= isAction;
            }
            else if (title is not null && term.Matches(title))
            {
                titleSum += term.Weight * TitleWeight;
                cues.Add("title:" + term.Text);
                actionInTitle |= isAction;
            }
        }

        var relevance = 1 - Math.Exp(-(sum + Math.Min(titleSum, TitleCap)) / Saturation);
        if (!actionInStatement && !actionInContext)
        {
            relevance = Math.Min(relevance, NoActionCap);
        }
        else if (!actionInStatement && !actionInParagraph && !anaphoric && !(actionInTitle && othersInStatement))
        {
            // Only the paragraph before speaks of military action, nothing here points back to it, and the headline
            // does not make the cartels or places it names the article's military subject.
            relevance = Math.Min(relevance, PreviousOnlyCap);
        }

        var excluded = exclusions.FirstOrDefault(e => e.Matches(statement));
        if (excluded is not null && !actionInStatement)
        {
            relevance *= ExclusionFactor;
            cues.Add("exclusion:" + excluded.Text);
        }

        return new TopicRelevance(Math.Round(relevance, 3), cues);
    }

    private sealed class Term(string text, double weight, Regex pattern)
    {
        public string Text { get; } = text;
        public double Weight { get; } = weight;

        public bool Matches(string input) => pattern.IsMatch(input);

        public static Term Parse(string entry, double defaultWeight)
        {
            var bar = entry.LastIndexOf('|');
            var weight = bar > 0 && double.TryParse(entry[(bar + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var w)
                ? Math.Clamp(w, 0, 1) : defaultWeight;
            var text = (bar > 0 ? entry[..bar] : entry).Trim();
            var prefix = text.EndsWith('*');
            var core = Regex.Escape(text.TrimEnd('*')).Replace(@"\ ", @"\s+", StringComparison.Ordinal);
            var ending = prefix ? @"[\p{L}\-]*" : "";
            var pattern = new Regex($@"(?<![\p{{L}}\p{{N}}]){core}{ending}(?![\p{{L}}\p{{N}}])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            return new Term(text.TrimEnd('*'), weight, pattern);
        }
    }
}
