using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alerts.Delivery;
using Alerts.Recovery;
using Alerts.Storage;
using Alerts.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Alerts.Tests.Infra;

/// <summary>What the template promises beyond sign-in (issue 16): who can reach storage, Key Vault and Language, what
/// is logged and alerted on, what the app may write, and how long the pipeline's blobs are kept.</summary>
public sealed partial class InfraGuaranteesTests
{
    private const string Reader = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1";
    private const string Contributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string Owner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string PrivateNetworking = "parameters('privateNetworking')";

    private static async Task<JsonObject> MainAsync() => (await Bicep.CompileOnceAsync()).Main;

    [Fact]
    public async Task Network_PrivateNetworkingOn_ClosesStorageKeyVaultAndLanguageToEveryNetworkButTheirPrivateEndpoints()
    {
        var main = await MainAsync();
        var parameter = main["parameters"]!["privateNetworking"]!;
        var storage = ArmTemplate.Single(main, "Microsoft.Storage/storageAccounts").Properties;
        var vault = ArmTemplate.Single(main, "Microsoft.KeyVault/vaults").Properties;
        var language = ArmTemplate.Single(main, "Microsoft.CognitiveServices/accounts").Properties;

        // Opt-in: it costs money (docs/DEPLOY.md) and needs the deployer's address to reach storage.
        Assert.False((bool)parameter["defaultValue"]!);
        foreach (var acls in new[] { storage["networkAcls"]!, vault["networkAcls"]! })
        {
            Assert.Equal($"[if({PrivateNetworking}, 'Deny', 'Allow')]", (string?)acls["defaultAction"]);
            // Event Grid writes dead letters and Key Vault references resolve as trusted services.
            Assert.Equal("AzureServices", (string?)acls["bypass"]);
            Assert.Contains("parameters('allowedIpRanges')", (string?)acls["ipRules"], StringComparison.Ordinal);
        }

        Assert.Equal($"[if({PrivateNetworking}, 'Disabled', 'Enabled')]", (string?)language["publicNetworkAccess"]);
        Assert.Equal($"[if({PrivateNetworking}, 'Deny', 'Allow')]", (string?)language["networkAcls"]!["defaultAction"]);

        var network = ArmTemplate.Resources(main).Single(r => (string?)r.Node["name"] == "network");
        Assert.Equal($"[{PrivateNetworking}]", (string?)network.Node["condition"]);
        var endpoints = (JsonArray)network.Node["properties"]!["template"]!["variables"]!["endpoints"]!;
        Assert.Equal(["blob", "queue", "table", "vault", "account"], endpoints.Select(e => (string)e!["group"]!));
        Assert.All(endpoints, e => Assert.Matches(@"^\[?(format\(')?privatelink\.", (string)e!["zone"]!));
        Assert.Single(ArmTemplate.OfType(main, "Microsoft.Network/privateEndpoints"));
        Assert.Single(ArmTemplate.OfType(main, "Microsoft.Network/privateEndpoints/privateDnsZoneGroups"));
        var subnets = (JsonArray)ArmTemplate.Single(main, "Microsoft.Network/virtualNetworks").Properties["subnets"]!;
        Assert.Equal("Microsoft.App/environments", (string?)subnets[0]!["properties"]!["delegations"]![0]!["properties"]!["serviceName"]);

        // The app joins the network only when it exists.
        var functionApp = ArmTemplate.Resources(main).Single(r => (string?)r.Node["name"] == "functionapp");
        var subnet = (string?)functionApp.Node["properties"]!["parameters"]!["subnetId"];
        Assert.StartsWith($"[if({PrivateNetworking}, ", subnet, StringComparison.Ordinal);
        Assert.Contains("'network'), '2025-04-01').outputs.appSubnetId.value", subnet, StringComparison.Ordinal);
        var site = ArmTemplate.Single(main, "Microsoft.Web/sites");
        Assert.Contains("parameters('subnetId')", (string?)site.Properties["virtualNetworkSubnetId"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnostics_KeyVaultAndTheBlobService_LogToTheLogAnalyticsWorkspace()
    {
        var settings = ArmTemplate.OfType(await MainAsync(), "Microsoft.Insights/diagnosticSettings").ToList();

        Assert.Contains(settings, s => ((string?)s.Node["scope"])!.StartsWith("[resourceId('Microsoft.KeyVault/vaults'", StringComparison.Ordinal));
        Assert.Contains(settings, s => ((string?)s.Node["scope"])!.StartsWith("[resourceId('Microsoft.Storage/storageAccounts/blobServices'", StringComparison.Ordinal));
        Assert.All(settings, s =>
        {
            Assert.StartsWith("[resourceId('Microsoft.OperationalInsights/workspaces'", (string?)s.Properties["workspaceId"], StringComparison.Ordinal);
            var logs = Assert.Single((JsonArray)s.Properties["logs"]!)!;
            Assert.True((bool)logs["enabled"]!);
            Assert.True((string?)logs["categoryGroup"] is "audit" or "allLogs", $"{logs["categoryGroup"]} is not every audit or every log category");
        });
    }

    [Fact]
    public async Task Alerts_QuarantineDeadLettersAndPoisonMessages_RaiseAnAlert()
    {
        var main = await MainAsync();
        var rule = ArmTemplate.Single(main, "Microsoft.Insights/scheduledQueryRules");
        var module = ArmTemplate.Resources(main).Single(r => (string?)r.Node["name"] == "alerts").Node["properties"]!["parameters"]!;
        var query = (string)rule.Template["variables"]!["stuckWork"]!;
        var criterion = rule.Properties["criteria"]!["allOf"]![0]!;

        // The query looks for the quarantine log line as the app writes it (event 5006).
        Assert.StartsWith(QuarantinePrefix(), QuarantineMessage(), StringComparison.Ordinal);
        Assert.Contains($"Message startswith \"{QuarantinePrefix()}\"", query, StringComparison.Ordinal);
        Assert.Contains("StorageBlobLogs", query, StringComparison.Ordinal);
        Assert.Contains("StorageQueueLogs", query, StringComparison.Ordinal);
        Assert.Equal("[variables('deadLetterContainer')]", (string?)module["deadLetterContainer"]!["value"]);
        Assert.Equal("[variables('poisonQueue')]", (string?)module["poisonQueue"]!["value"]);
        Assert.Equal(PipelineNames.DeadLetterContainer, (string?)main["variables"]!["deadLetterContainer"]);
        Assert.Equal("[format(variables('stuckWork'), parameters('deadLetterContainer'), parameters('poisonQueue'))]", (string?)criterion["query"]);
        Assert.Equal("GreaterThan", (string?)criterion["operator"]);
        Assert.Equal(0, (int)criterion["threshold"]!);
        Assert.True((bool)rule.Properties["enabled"]!);

        var metric = ArmTemplate.Single(main, "Microsoft.Insights/metricAlerts");
        Assert.Equal("DeadLetteredCount", (string?)metric.Properties["criteria"]!["allOf"]![0]!["metricName"]);
        Assert.Contains("Microsoft.EventGrid/systemTopics", (string?)metric.Properties["scopes"]![0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roles_TheAppsBlobRolesAreScopedToContainers_AndItOnlyReadsItsOwnPackage()
    {
        var main = await MainAsync();
        var assignments = ArmTemplate.OfType(main, "Microsoft.Authorization/roleAssignments").ToList();
        var blobRoles = assignments.Where(a => RoleName(a) is "storageBlobDataOwner" or "storageBlobDataContributor" or "storageBlobDataReader").ToList();
        var app = blobRoles.Where(a => PrincipalOf(a) == "identityName").ToList();
        var roles = (JsonObject)assignments[0].Template["variables"]!["roles"]!;

        Assert.Equal(Reader, (string?)roles["storageBlobDataReader"]);
        Assert.Equal(Contributor, (string?)roles["storageBlobDataContributor"]);
        Assert.Equal(Owner, (string?)roles["storageBlobDataOwner"]);
        // No blob role of the app reaches the whole account, so none covers the package container.
        Assert.All(app, a => Assert.StartsWith("[resourceId('Microsoft.Storage/storageAccounts/blobServices/containers'", (string?)a.Node["scope"], StringComparison.Ordinal));
        var package = Assert.Single(app, a => ((string)a.Node["scope"]!).Contains("parameters('deploymentContainer')", StringComparison.Ordinal));
        Assert.Equal("storageBlobDataReader", RoleName(package));
        Assert.Equal("storageBlobDataContributor", RoleName(Assert.Single(app, a => ((string)a.Node["scope"]!).Contains("parameters('dataContainers')", StringComparison.Ordinal))));
        Assert.Equal("storageBlobDataOwner", RoleName(Assert.Single(app, a => ((string)a.Node["scope"]!).Contains("parameters('hostContainers')", StringComparison.Ordinal))));

        // The containers the app may write: the pipeline's and the dead letters, never the package.
        var module = ArmTemplate.Resources(main).Single(r => (string?)r.Node["name"] == "roles").Node["properties"]!["parameters"]!;
        Assert.Equal("[union(variables('pipelineContainers'), createArray(variables('deadLetterContainer')))]", (string?)module["dataContainers"]!["value"]);
        Assert.DoesNotContain((string)main["variables"]!["deploymentContainer"]!, ((JsonArray)main["variables"]!["pipelineContainers"]!).Select(c => (string)c!));
        Assert.DoesNotContain((string)main["variables"]!["deploymentContainer"]!, ((JsonArray)main["variables"]!["hostContainers"]!).Select(c => (string)c!));

        // Only the deployment identity writes the package, and the platform deploys with it.
        var writer = Assert.Single(blobRoles, a => PrincipalOf(a) == "deploymentIdentityName");
        Assert.Equal("storageBlobDataContributor", RoleName(writer));
        Assert.Contains("parameters('deploymentContainer')", (string?)writer.Node["scope"], StringComparison.Ordinal);
        var site = ArmTemplate.Single(main, "Microsoft.Web/sites");
        var deployment = site.Properties["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!;
        Assert.Equal("[parameters('deploymentIdentityId')]", (string?)deployment["userAssignedIdentityResourceId"]);
        // The app's own clients and the host sign in as the runtime identity, never as the deployment one.
        Assert.Equal("[parameters('identityId')]", (string?)site.Properties["keyVaultReferenceIdentity"]);
        Assert.Equal("[parameters('identityClientId')]", (string?)InfraSecurityTests.PlatformSettings(main)["AZURE_CLIENT_ID"]);
    }

    [Fact]
    public async Task Lifecycle_ArticlesAnalysesFingerprintsAndDeliveryRecordsExpire_EachStepsOutputAfterItsInput()
    {
        var main = await MainAsync();
        var policy = ArmTemplate.Single(main, "Microsoft.Storage/storageAccounts/managementPolicies");
        var storageModule = ArmTemplate.Resources(main).Single(r => (string?)r.Node["name"] == "storage").Node["properties"]!["parameters"]!;
        var retention = (int)main["parameters"]!["articleRetentionDays"]!["defaultValue"]!;
        var rules = ((JsonArray)main["variables"]!["lifecycleRules"]!)
            .ToDictionary(r => (string)r!["prefix"]!, r => (Days: Days((string)r!["days"]!, retention), FromCreation: (bool)r!["fromCreation"]!));

        Assert.Equal("[variables('lifecycleRules')]", (string?)storageModule["lifecycleRules"]!["value"]);
        Assert.Contains("prefixMatch", policy.Properties.ToJsonString(), StringComparison.Ordinal);
        var (deliveries, summaries) = BlobSteps.OutputOf(PipelineNames.AnalysesContainer);
        var articles = rules[PipelineNames.ArticlesContainer + "/"];
        var analyses = rules[BlobSteps.OutputOf(PipelineNames.ArticlesContainer).Container + "/"];
        var summary = rules[$"{deliveries}/{summaries}"];
        var records = rules[$"{PipelineNames.DeliveriesContainer}/{DeliveryLedger.RecordsPrefix}"];
        var fingerprints = rules[PipelineNames.FingerprintsContainer + "/"];

        // The reconciler runs a step for an input without its output: the output must never go first.
        Assert.True(articles.Days < analyses.Days && analyses.Days < summary.Days, $"{articles.Days} < {analyses.Days} < {summary.Days}");
        Assert.True(fingerprints.Days > articles.Days, "URL aliases must outlive articles, or an old feed item is stored anew");
        Assert.True(articles.Days > 30, "articles must outlive the novelty window");
        Assert.True(articles.FromCreation && analyses.FromCreation && summary.FromCreation);
        Assert.True(records.Days >= summary.Days);
        // Rewritten blobs count from their last write: a SimHash bucket in use is never expired.
        Assert.False(fingerprints.FromCreation);
        // Work still to do is never expired.
        string[] kept = [DeliveryLedger.PendingPrefix, DigestSender.Prefix, NotifySubscribersStep.NotifyingPrefix];
        Assert.All(kept, prefix => Assert.DoesNotContain(rules.Keys, rule => $"{PipelineNames.DeliveriesContainer}/{prefix}".StartsWith(rule, StringComparison.Ordinal)));
        Assert.All(
            [PipelineNames.StatementsContainer, PipelineNames.SourcesContainer, PipelineNames.ConfigContainer, PipelineNames.PoisonContainer],
            container => Assert.DoesNotContain(rules.Keys, rule => rule.StartsWith(container + "/", StringComparison.Ordinal)));
    }

    /// <summary>Evaluates the few shapes the rules use: the parameter, plus or times a constant.</summary>
    private static int Days(string expression, int retention)
    {
        var match = DaysExpression().Match(expression);
        Assert.True(match.Success, $"cannot read {expression}");
        var k = match.Groups["k"].Success ? int.Parse(match.Groups["k"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return match.Groups["op"].Value switch
        {
            "add" => retention + k,
            "mul" => retention * k,
            _ => retention,
        };
    }

    private static string RoleName(ArmTemplate.Resource assignment)
        => RoleReference().Match((string)assignment.Properties["roleDefinitionId"]!).Groups[1].Value;

    private static string PrincipalOf(ArmTemplate.Resource assignment)
        => PrincipalReference().Match((string)assignment.Properties["principalId"]!).Groups[1].Value;

    private static string QuarantinePrefix() => "Quarantined ";

    private static string QuarantineMessage()
    {
        var log = typeof(BlobQuarantine).Assembly.GetType("Alerts.Recovery.Log", throwOnError: true)!;
        var method = log.GetMethod("Quarantined", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
        return method.GetCustomAttribute<LoggerMessageAttribute>()!.Message;
    }

    [GeneratedRegex(@"^\[(?:(?<op>add|mul)\()?parameters\('articleRetentionDays'\)(?:, (?<k>\d+)\))?\]$")]
    private static partial Regex DaysExpression();

    [GeneratedRegex(@"variables\('roles'\)\.(\w+)")]
    private static partial Regex RoleReference();

    [GeneratedRegex(@"userAssignedIdentities', parameters\('(\w+)'\)")]
    private static partial Regex PrincipalReference();
}
