using System.ComponentModel.DataAnnotations;

namespace Alerts.Analysis;

/// <summary>Azure AI Language (section "Analysis:Language"), used when <see cref="AnalysisOptions.Analyzer"/> is
/// "AzureLanguage".</summary>
public sealed class LanguageOptions
{
    /// <summary>The resource's custom-subdomain endpoint, e.g. https://lang-alerts.cognitiveservices.azure.com/.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Resource key (Ocp-Apim-Subscription-Key). Empty: Microsoft Entra ID through Azure.Identity (the managed
    /// identity on Azure). A secret: never logged.</summary>
    public string? Key { get; set; }

    [Required, RegularExpression(@"^\d{4}-\d{2}-\d{2}(-preview)?$")] public string ApiVersion { get; set; } = "2025-11-01";

    /// <summary>Retries after 408, 429 or 5xx (a Retry-After from the service sets the wait).</summary>
    [Range(0, 10)] public int MaxRetries { get; set; } = 4;

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")] public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
