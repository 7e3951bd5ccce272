using System.ComponentModel.DataAnnotations;

namespace Alerts.Analysis;

public sealed class AnalysisOptions
{
    public const string Section = "Analysis";

    /// <summary>Relevance from which a statement counts as on-topic.</summary>
    [Range(0.0, 1.0)] public double Threshold { get; set; } = 0.5;

    /// <summary>Which <see cref="ITextAnalyzer"/> gives entities and sentiment. Only "Offline" exists so far.</summary>
    [Required, AllowedValues("Offline")] public string Analyzer { get; set; } = "Offline";

    /// <summary>The watched topic; <see cref="TopicProfile.UsMexicoMilitaryAction"/> when not configured.</summary>
    public TopicProfile? Topic { get; set; }
}
