namespace Alerts.Evaluation;

/// <summary>Scores alerts against gold labels by the rules of shared/eval/score.py. Each alert is credited to at most
/// one group: the best match among the groups whose speaker it names; a tie goes to a group not yet alerted, then to the
/// group listed first.</summary>
public sealed class AlertScorer(GoldSet gold)
{
    public const int MaxAlertContentWords = 60; // a statement, not an article
    public const double MatchThreshold = 0.6;

    private readonly List<(GoldGroup Group, List<Words> Members)> groups
        = [.. gold.Groups.Select(g => (g, g.Members.Select(Words.Of).ToList()))];

    private readonly List<string> speakers = [.. gold.Groups.Select(g => g.Speaker).Distinct(StringComparer.Ordinal)];

    public Scorecard Score(IEnumerable<ScoredAlert> alerts)
    {
        var keys = new SpeakerKeys(gold.Keys);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var verdicts = alerts.Select(alert => Judge(alert, keys, seen)).ToList();
        var missed = gold.Groups.Where(g => g.Kind == GoldKind.Required && !seen.Contains(g.Id)).Select(g => g.Id)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var required = gold.Groups.Where(g => g.Kind == GoldKind.Required).Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        return new Scorecard(verdicts, missed, (double)seen.Count(required.Contains) / required.Count);
    }

    private AlertVerdict Judge(ScoredAlert alert, SpeakerKeys keys, HashSet<string> seen)
    {
        var text = Words.Of(alert.Text);
        if (text.ContentCount > MaxAlertContentWords)
        {
            return new AlertVerdict(VerdictKind.Unmatched, [], alert, OverLong: true);
        }

        var matched = groups.Select(g => (g.Group, Score: g.Members.Max(m => Overlap(m, text))))
            .Where(g => g.Score >= MatchThreshold).ToList();
        var right = matched.Where(g => keys.Accepts(g.Group.Speaker, alert.Speaker, speakers)).ToList();
        var ontopic = right.Where(g => g.Group.Kind != GoldKind.Offtopic).ToList();
        if (ontopic.Count > 0)
        {
            var best = ontopic[0];
            foreach (var candidate in ontopic.Skip(1))
            {
                if (candidate.Score > best.Score || (candidate.Score == best.Score && seen.Contains(best.Group.Id) && !seen.Contains(candidate.Group.Id)))
                {
                    best = candidate;
                }
            }

            var kind = !seen.Add(best.Group.Id) ? VerdictKind.Dup
                : best.Group.Kind == GoldKind.Required ? VerdictKind.New
                : VerdictKind.Optional;
            return new AlertVerdict(kind, [best.Group.Id], alert);
        }

        if (right.Count > 0)
        {
            var best = right.Aggregate((b, c) => c.Score > b.Score ? c : b);
            return new AlertVerdict(VerdictKind.Offtopic, [best.Group.Id], alert);
        }

        return matched.Count > 0
            ? new AlertVerdict(VerdictKind.Misattributed, [.. matched.Select(g => g.Group.Id)], alert)
            : new AlertVerdict(VerdictKind.Unmatched, [], alert);
    }

    /// <summary>How well an alert's words match one member: 1 for a verbatim fragment of three words or more, else
    /// the share of the member the alert holds (when little else is in it), or the share of the alert inside the member.</summary>
    private static double Overlap(Words member, Words alert)
    {
        if (member.Content.Count == 0 || alert.Content.Count == 0)
        {
            return 0;
        }

        if (alert.Count >= 3 && member.Padded.Contains(alert.Padded, StringComparison.Ordinal))
        {
            return 1;
        }

        var inter = alert.Content.Count(member.Content.Contains);
        var covers = (double)inter / alert.Content.Count >= 0.3 ? (double)inter / member.Content.Count : 0;
        var within = alert.Content.Count >= 4 ? (double)inter / alert.Content.Count : 0;
        if (alert.Content.Count >= 2 && alert.Content.IsSubsetOf(member.Content) && member.Content.Count <= 12)
        {
            within = 1; // a short quote inside a short member
        }

        return Math.Max(covers, within >= 0.8 ? within : 0);
    }

    /// <param name="Count">All words.</param>
    /// <param name="ContentCount">Content words, repeats counted.</param>
    /// <param name="Content">Distinct content words.</param>
    /// <param name="Padded">The words joined by spaces, with a space either side.</param>
    private sealed record Words(int Count, int ContentCount, HashSet<string> Content, string Padded)
    {
        public static Words Of(string text)
        {
            var content = ScoreText.ContentWords(text);
            return new(ScoreText.Words(text).Count, content.Count, [.. content], $" {ScoreText.Joined(text)} ");
        }
    }
}
