using Microsoft.Extensions.Options;

namespace Alerts.Analysis;

/// <summary>Whether a statement is on the watched topic, as Analysis judges it (<c>Analysis:Threshold</c>). Later
/// stages ask this rather than read Analysis's options.</summary>
public sealed class OnTopicRule(IOptions<AnalysisOptions> options)
{
    public bool IsOnTopic(Statement statement) => statement.IsOnTopic(options.Value.Threshold);
}
