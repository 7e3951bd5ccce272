using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Alerts.Analysis;

public sealed class AnalysisOptions
{
    public const string Section = "Analysis";
    public const string Offline = "Offline";
    public const string AzureLanguage = "AzureLanguage";

    /// <summary>Relevance from which a statement counts as on-topic.</summary>
    [Range(0.0, 1.0)] public double Threshold { get; set; } = 0.5;

    /// <summary>Which <see cref="ITextAnalyzer"/> gives entities and sentiment: "Offline" (VADER and gazetteers, free)
    /// or "AzureLanguage" (Azure AI Language, billed per text record).</summary>
    [Required, AllowedValues(Offline, AzureLanguage)] public string Analyzer { get; set; } = Offline;

    /// <summary>Azure AI Language; needed only when <see cref="Analyzer"/> is "AzureLanguage".</summary>
    [ValidateObjectMembers] public LanguageOptions Language { get; set; } = new();

    /// <summary>The watched topic; <see cref="TopicProfile.UsMexicoMilitaryAction"/> when not configured.</summary>
    public TopicProfile? Topic { get; set; }
}

/// <summary>Checks that data annotations cannot express: what "AzureLanguage" needs.</summary>
internal sealed class AnalysisOptionsValidator : IValidateOptions<AnalysisOptions>
{
    public ValidateOptionsResult Validate(string? name, AnalysisOptions options)
    {
        if (!string.Equals(options.Analyzer, AnalysisOptions.AzureLanguage, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Success;
        }

        if (options.Language.Endpoint is not { IsAbsoluteUri: true } endpoint)
        {
            return ValidateOptionsResult.Fail(
                "Analysis:Language:Endpoint (Analysis__Language__Endpoint) is required when Analysis:Analyzer is AzureLanguage: " +
                "the resource's https://<name>.cognitiveservices.azure.com/ endpoint.");
        }

        // Plain http only to this machine (tests, emulators): a key or token must never cross the network in clear.
        return endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Analysis:Language:Endpoint (Analysis__Language__Endpoint) must be an https URL.");
    }
}
