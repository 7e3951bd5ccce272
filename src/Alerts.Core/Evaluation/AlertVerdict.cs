namespace Alerts.Evaluation;

public enum VerdictKind { New, Optional, Dup, Offtopic, Misattributed, Unmatched }

/// <param name="Groups">The group credited (one), or for MISATTRIBUTED every group whose words matched.</param>
/// <param name="OverLong">UNMATCHED because the alert has more than <see cref="AlertScorer.MaxAlertContentWords"/> content words.</param>
public sealed record AlertVerdict(VerdictKind Kind, IReadOnlyList<string> Groups, ScoredAlert Alert, bool OverLong = false)
{
    /// <summary>As score.py --verbose prints it: <c>NEW 18b</c>, <c>MISATTRIBUTED 04a,16b</c>, <c>UNMATCHED (over-long)</c>.</summary>
    public string Label => Kind switch
    {
        VerdictKind.Unmatched => OverLong ? "UNMATCHED (over-long)" : "UNMATCHED",
        _ => $"{Kind.ToString().ToUpperInvariant()} {string.Join(',', Groups)}",
    };
}
