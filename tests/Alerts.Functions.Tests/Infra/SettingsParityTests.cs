using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alerts.Tests.Infrastructure;

namespace Alerts.Tests.Infra;

/// <summary>Every setting of local.settings.sample.json has its Azure counterpart in the Bicep app settings (the
/// template's own settings, or each environment's appSettings and keyVaultReferences), and the other way round.</summary>
public sealed partial class SettingsParityTests
{
    /// <summary>Local settings with no Azure app setting of the same name, and why.</summary>
    private static readonly Dictionary<string, string> LocalOnly = new(StringComparer.Ordinal)
    {
        ["FUNCTIONS_WORKER_RUNTIME"] = "Flex Consumption takes the runtime from functionAppConfig.runtime and rejects this setting.",
        ["Analysis__Language__Key"] = "On Azure the app signs in to Azure AI Language with its managed identity; the resource allows no keys.",
        ["Feedback__ListenPort"] = "The local host serves the feedback endpoint on 127.0.0.1 itself; the Azure app has its HTTP function.",
        ["Fetch__AllowedPrivateHosts__0"] = "Lets the local host reach the sample feeds on 127.0.0.1; on Azure the fetcher reaches public addresses only.",
    };

    /// <summary>Azure settings with no local counterpart, and why.</summary>
    private static readonly Dictionary<string, string> AzureOnly = new(StringComparer.Ordinal)
    {
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "Telemetry goes to Application Insights only on Azure.",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "Telemetry with Entra ID (local auth is off).",
        ["AZURE_CLIENT_ID"] = "Which managed identity Azure SDK credentials use; locally there is none.",
    };

    [Fact]
    public async Task EveryLocalSetting_HasAnAzureCounterpartInEveryEnvironment()
    {
        var local = LocalSettingNames();
        var infra = await Bicep.CompileOnceAsync();

        Assert.NotEmpty(local);
        foreach (var (environment, parameters) in infra.Parameters)
        {
            var azure = AzureSettingNames(infra.Main, parameters);
            var missing = local
                .Where(name => !LocalOnly.ContainsKey(name))
                .Where(name => !azure.Contains(Shape(name)) && !azure.Any(a => a.StartsWith(Shape(name) + "__", StringComparison.Ordinal)))
                .ToList();
            Assert.True(missing.Count == 0,
                $"{environment}: no Azure app setting for {string.Join(", ", missing)} — add it to infra/environments/{environment}/main.bicepparam " +
                "(appSettings, or keyVaultReferences for a secret) or to the template's settings in infra/modules/functionapp.bicep.");
        }
    }

    [Fact]
    public async Task EveryAzureSetting_IsALocalSettingOrAPlatformSetting()
    {
        var local = LocalSettingNames().Select(Shape).ToHashSet(StringComparer.Ordinal);
        var infra = await Bicep.CompileOnceAsync();

        foreach (var (environment, parameters) in infra.Parameters)
        {
            var unknown = AzureSettingNames(infra.Main, parameters)
                .Where(name => !local.Contains(name) && !AzureOnly.ContainsKey(name))
                .Where(name => !local.Any(l => name.StartsWith(l + "__", StringComparison.Ordinal)))
                .ToList();
            Assert.True(unknown.Count == 0, $"{environment}: Azure settings unknown to local.settings.sample.json: {string.Join(", ", unknown)}");
        }
    }

    [Fact]
    public void Exceptions_NameSettingsThatExist()
    {
        var local = LocalSettingNames();

        Assert.All(LocalOnly.Keys, name => Assert.Contains(name, local));
    }

    /// <summary>The Values keys of local.settings.sample.json (JSON with comments).</summary>
    internal static IReadOnlyList<string> LocalSettingNames()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "local.settings.sample.json"));
        var root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        return [.. ((JsonObject)root["Values"]!).Select(v => v.Key)];
    }

    /// <summary>The template's own settings plus one environment's, in list-index-free shape.</summary>
    private static HashSet<string> AzureSettingNames(JsonObject main, JsonObject parameters)
    {
        var values = parameters["parameters"]!;
        var names = InfraSecurityTests.PlatformSettings(main).Select(s => s.Key)
            .Concat(((JsonObject?)values["appSettings"]?["value"] ?? []).Select(s => s.Key))
            .Concat(((JsonObject?)values["keyVaultReferences"]?["value"] ?? []).Select(s => s.Key));
        if ((string?)values["languageEndpointSetting"]?["value"] is { Length: > 0 } language)
        {
            names = names.Append(language);
        }

        return names.Select(Shape).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Fetch__Sources__3__Url and Fetch__Sources__0__Url are the same setting of different list items.</summary>
    private static string Shape(string name) => ListIndex().Replace(name, "__#");

    [GeneratedRegex(@"__\d+(?=__|$)")]
    private static partial Regex ListIndex();
}
