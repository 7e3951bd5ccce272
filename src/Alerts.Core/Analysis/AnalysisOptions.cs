using System.ComponentModel.DataAnnotations;

namespace Alerts.Analysis;

public sealed class AnalysisOptions
{
    public const string Section = "Analysis";

    /// <summary>A statement with relevance at or above this is on-topic.</summary>
    [Range(0.0, 1.0)] public double Threshold { get; set; } = 0.5;
}
