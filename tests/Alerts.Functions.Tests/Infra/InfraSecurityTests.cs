using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alerts.Storage;
using Alerts.Tests.Infrastructure;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Tests.Infra;

/// <summary>The security properties of the compiled template (infra/main.bicep → main.json).</summary>
public sealed partial class InfraSecurityTests
{
    private static async Task<JsonObject> MainAsync() => (await Bicep.CompileOnceAsync()).Main;

    [Fact]
    public async Task Storage_Account_DisallowsSharedKeysAndAnonymousReads_AndRequiresHttpsWithTls12()
    {
        var account = ArmTemplate.Single(await MainAsync(), "Microsoft.Storage/storageAccounts").Properties;

        Assert.False((bool)account["allowSharedKeyAccess"]!);
        Assert.False((bool)account["allowBlobPublicAccess"]!);
        Assert.True((bool)account["supportsHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string?)account["minimumTlsVersion"]);
        Assert.True((bool)account["defaultToOAuthAuthentication"]!);
    }

    [Fact]
    public async Task Storage_Containers_IncludeEveryPipelineContainerAndConfig()
    {
        var main = await MainAsync();
        var containers = ((JsonArray)main["variables"]!["pipelineContainers"]!).Select(c => (string)c!).ToList();

        Assert.All(PipelineNames.Containers, name => Assert.Contains(name, containers));
        Assert.Contains("config", containers);
        // The reconciler drains Event Grid's dead letters from this container.
        Assert.Equal(PipelineNames.DeadLetterContainer, (string?)main["variables"]!["deadLetterContainer"]);
        Assert.All(
            ArmTemplate.OfType(main, "Microsoft.Storage/storageAccounts/blobServices/containers"),
            c => Assert.Equal("None", (string?)c.Properties["publicAccess"]));
    }

    [Fact]
    public async Task FunctionApp_StorageConnection_IsIdentityBasedThroughTheUserAssignedIdentity()
    {
        var settings = PlatformSettings(await MainAsync());

        Assert.DoesNotContain(PipelineNames.StorageConnection, settings.Select(s => s.Key));
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.Contains($"{PipelineNames.StorageConnection}__{service}ServiceUri", settings.Select(s => s.Key));
        }

        Assert.Equal("managedidentity", (string?)settings[$"{PipelineNames.StorageConnection}__credential"]);
        Assert.Equal("[parameters('identityClientId')]", (string?)settings[$"{PipelineNames.StorageConnection}__clientId"]);
        Assert.Contains("Authorization=AAD", (string?)settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunctionApp_Site_IsFlexConsumptionDotnetIsolated10_HttpsOnly_WithKeyVaultReferencesThroughTheIdentity()
    {
        var main = await MainAsync();
        var plan = ArmTemplate.Single(main, "Microsoft.Web/serverfarms").Node;
        var site = ArmTemplate.Single(main, "Microsoft.Web/sites");

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.True((bool)plan["properties"]!["reserved"]!);
        Assert.Equal("UserAssigned", (string?)site.Node["identity"]!["type"]);
        Assert.True((bool)site.Properties["httpsOnly"]!);
        Assert.Equal("[parameters('identityId')]", (string?)site.Properties["keyVaultReferenceIdentity"]);
        Assert.Equal("1.2", (string?)site.Properties["siteConfig"]!["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)site.Properties["siteConfig"]!["ftpsState"]);
        var config = site.Properties["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]!["version"]);
        Assert.Equal("UserAssignedIdentity", (string?)config["deployment"]!["storage"]!["authentication"]!["type"]);
        Assert.All(
            ArmTemplate.OfType(main, "Microsoft.Web/sites/basicPublishingCredentialsPolicies"),
            p => Assert.False((bool)p.Properties["allow"]!));
    }

    [Fact]
    public async Task Secrets_ReachTheAppOnlyAsKeyVaultReferences_AndNoParameterFileHoldsOne()
    {
        var infra = await Bicep.CompileOnceAsync();
        var appSettings = ArmTemplate.Single(infra.Main, "Microsoft.Web/sites/config");
        var references = (string)appSettings.Template["variables"]!["secretReferences"]!;

        Assert.Contains("@Microsoft.KeyVault(VaultName={0};SecretName={1})", references, StringComparison.Ordinal);
        Assert.Equal("secureObject", (string?)infra.Main["parameters"]!["secretValues"]!["type"]);
        foreach (var (environment, parameters) in infra.Parameters)
        {
            var values = parameters["parameters"]!;
            var plain = (JsonObject)values["appSettings"]!["value"]!;
            var inVault = (JsonObject)values["keyVaultReferences"]!["value"]!;
            Assert.All(plain, s => Assert.False(LooksSecret(s.Key), $"{environment}: '{s.Key}' must be a Key Vault reference, not a plain setting"));
            Assert.Contains("Smtp__Password", inVault.Select(s => s.Key));
            // Secret values come from the deployer's environment: a clean checkout compiles them empty.
            Assert.All((JsonObject)values["secretValues"]!["value"]!, s => Assert.Equal("", (string?)s.Value));
        }

        Assert.All(PlatformSettings(infra.Main), s => Assert.False(
            LooksSecret(s.Key) && s.Key != "APPLICATIONINSIGHTS_CONNECTION_STRING",
            $"'{s.Key}' looks like a secret in the template's settings"));
    }

    [Fact]
    public async Task Template_HoldsNoStorageKeyOrConnectionString()
    {
        var main = await MainAsync();
        var strings = ArmTemplate.Strings(main).ToList();

        Assert.DoesNotContain(strings, s => s.Value.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(strings, s => s.Value.Contains("DefaultEndpointsProtocol", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(strings, s => s.Value.Contains("listAccountSas", StringComparison.OrdinalIgnoreCase));
        // The one key the template reads is the blobs extension's webhook key, for the Event Grid subscription URL.
        var listKeys = strings.Where(s => s.Value.Contains("listKeys(", StringComparison.Ordinal)).ToList();
        var only = Assert.Single(listKeys);
        Assert.Contains("/host/default", only.Value, StringComparison.Ordinal);
        Assert.Contains("systemKeys.blobs_extension", only.Value, StringComparison.Ordinal);
        Assert.Contains("destination.properties.endpointUrl", only.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoleAssignments_GiveTheIdentityTheNarrowRoles_AndNoBroadOnes()
    {
        var main = await MainAsync();
        var assignments = ArmTemplate.OfType(main, "Microsoft.Authorization/roleAssignments").ToList();
        var roles = assignments.Select(a => RoleGuid(a)).ToList();

        string[] expected =
        [
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner (the host's containers)
            "ba92f5b4-2d11-453d-a403-e96b0029c9fe", // Storage Blob Data Contributor (the pipeline's containers)
            "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1", // Storage Blob Data Reader (the app package)
            "ba92f5b4-2d11-453d-a403-e96b0029c9fe", // Storage Blob Data Contributor (the deployment identity, the app package)
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
            "3913510d-42f4-4e42-8a64-420c390055eb", // Monitoring Metrics Publisher
            "a97b65f3-24c7-4388-baec-2e87135dc908", // Cognitive Services User
            "4633458b-17de-408a-b874-0445c86b69e6", // Key Vault Secrets User
            "ba92f5b4-2d11-453d-a403-e96b0029c9fe", // Storage Blob Data Contributor (Event Grid dead letters)
        ];
        Assert.Equal(expected.Order(), roles.Order());
        string[] broad = ["8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "b24988ac-6180-42a0-ab88-20f7382dd24c", "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"];
        Assert.DoesNotContain(roles, broad.Contains);
        Assert.All(assignments, a => Assert.Equal("ServicePrincipal", (string?)a.Properties["principalType"]));
        Assert.All(assignments, a => Assert.NotNull(a.Node["scope"]));
    }

    [Fact]
    public void RoleAssignments_EachOneInTheBicep_HasAOneLineReason()
    {
        foreach (var file in Directory.GetFiles(Bicep.InfraDirectory, "*.bicep", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Contains("'Microsoft.Authorization/roleAssignments@", StringComparison.Ordinal))
                {
                    Assert.True(i > 0 && lines[i - 1].TrimStart().StartsWith("// Reason: ", StringComparison.Ordinal),
                        $"{Path.GetFileName(file)}:{i + 1} has no '// Reason:' line above it");
                }
            }
        }
    }

    [Fact]
    public async Task Language_And_KeyVault_And_AppInsights_AcceptEntraIdOnly()
    {
        var main = await MainAsync();
        var language = ArmTemplate.Single(main, "Microsoft.CognitiveServices/accounts");
        var vault = ArmTemplate.Single(main, "Microsoft.KeyVault/vaults").Properties;
        var insights = ArmTemplate.Single(main, "Microsoft.Insights/components").Properties;

        Assert.Equal("TextAnalytics", (string?)language.Node["kind"]);
        Assert.True((bool)language.Properties["disableLocalAuth"]!);
        Assert.NotNull(language.Properties["customSubDomainName"]);
        Assert.True((bool)vault["enableRbacAuthorization"]!);
        Assert.True((bool)insights["DisableLocalAuth"]!);
        Assert.NotNull(insights["WorkspaceResourceId"]);
    }

    [Fact]
    public async Task EventGrid_Subscriptions_SendBlobCreatedForBothTriggerContainersToTheBlobsWebhook_WithDeadLettering()
    {
        var main = await MainAsync();
        var topic = ArmTemplate.Single(main, "Microsoft.EventGrid/systemTopics");
        var subscriptions = ArmTemplate.Single(main, "Microsoft.EventGrid/systemTopics/eventSubscriptions");
        var triggers = (JsonObject)main["variables"]!["blobTriggers"]!;
        var properties = subscriptions.Properties;

        Assert.Equal("Microsoft.Storage.StorageAccounts", (string?)topic.Properties["topicType"]);
        Assert.Equal(FunctionsBlobTriggers(), triggers.ToDictionary(t => t.Key, t => (string)t.Value!));
        Assert.Equal(["Microsoft.Storage.BlobCreated"], ((JsonArray)properties["filter"]!["includedEventTypes"]!).Select(t => (string)t!));
        Assert.Equal("[format('/blobServices/default/containers/{0}/', items(parameters('triggers'))[copyIndex()].value)]",
            (string?)properties["filter"]!["subjectBeginsWith"]);
        var endpoint = (string)properties["destination"]!["properties"]!["endpointUrl"]!;
        Assert.Contains("https://{0}/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code={2}", endpoint, StringComparison.Ordinal);
        Assert.Equal("WebHook", (string?)properties["destination"]!["endpointType"]);
        Assert.Equal("StorageBlob", (string?)properties["deadLetterWithResourceIdentity"]!["deadLetterDestination"]!["endpointType"]);
        // Step 3 only: the webhook key exists once the code runs.
        var module = ArmTemplate.Resources(main).Single(r => (string?)r.Node["name"] == "eventgrid-subscriptions");
        Assert.Equal("[parameters('subscribeEvents')]", (string?)module.Node["condition"]);
    }

    [Fact]
    public async Task Outputs_NameTheAppStorageLanguageEndpointAndKeyVault()
    {
        var outputs = (JsonObject)(await MainAsync())["outputs"]!;

        Assert.All(["appName", "storageAccountName", "languageEndpoint", "keyVaultName"], name => Assert.Contains(name, outputs.Select(o => o.Key)));
    }

    /// <summary>The settings the template itself sets: the object variables its appsettings resource merges.</summary>
    internal static JsonObject PlatformSettings(JsonObject main)
    {
        var config = ArmTemplate.Single(main, "Microsoft.Web/sites/config");
        var merged = new JsonObject();
        foreach (var name in ArmTemplate.VariableReferences((string)config.Node["properties"]!))
        {
            foreach (var (key, value) in config.ObjectVariable(name) ?? [])
            {
                merged[key] = value?.DeepClone();
            }
        }

        return merged;
    }

    /// <summary>Blob-triggered function name to container, from the isolated worker's attributes.</summary>
    private static Dictionary<string, string> FunctionsBlobTriggers()
        => typeof(Alerts.Functions.AlertsFunctionsServices).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => (Function: m.GetCustomAttribute<FunctionAttribute>(), Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<BlobTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(f => f.Function is not null && f.Trigger is not null)
            .ToDictionary(f => f.Function!.Name, f => f.Trigger!.BlobPath.Split('/')[0]);

    /// <summary>The role GUID, whether literal or read from a variable (<c>variables('roles').name</c>).</summary>
    private static string RoleGuid(ArmTemplate.Resource assignment)
    {
        var expression = (string)assignment.Properties["roleDefinitionId"]!;
        if (RoleId().Match(expression) is { Success: true } literal)
        {
            return literal.Groups[1].Value;
        }

        var reference = RoleVariable().Match(expression);
        Assert.True(reference.Success, $"cannot read the role of {expression}");
        var value = assignment.Template["variables"]![reference.Groups[1].Value];
        if (reference.Groups[2].Success)
        {
            value = value![reference.Groups[2].Value];
        }

        return (string)value!;
    }

    private static bool LooksSecret(string setting) => SecretName().IsMatch(setting);

    [GeneratedRegex("password|secret|webhook|token|apikey|accountkey|connectionstring|_key$|__key$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"variables\('([^']+)'\)(?:\.(\w+))?")]
    private static partial Regex RoleVariable();

    [GeneratedRegex("([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")]
    private static partial Regex RoleId();
}
