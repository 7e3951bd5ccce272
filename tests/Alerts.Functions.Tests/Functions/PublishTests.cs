using System.Diagnostics;
using System.Text.Json.Nodes;
using Alerts.Pipeline;
using Alerts.Storage;

namespace Alerts.Tests.Functions;

/// <summary><c>dotnet publish</c> of the Azure app gives a deployable package: the function metadata, host and worker
/// configuration, the extension bundle the host loads, and no local settings.</summary>
public sealed class PublishTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public async Task Publish_FunctionsApp_IsDeployableAndCarriesNoLocalSettings()
    {
        var project = Path.Combine(RepoPaths.Root, "src", "Alerts.Functions");
        var localSettings = Path.Combine(project, "local.settings.json");
        var output = Directory.CreateTempSubdirectory("alerts-publish-").FullName;
        // A developer's local.settings.json must never ship: make sure there is one to leave out.
        var createdLocalSettings = !File.Exists(localSettings);
        if (createdLocalSettings)
        {
            await File.WriteAllTextAsync(localSettings, """{ "IsEncrypted": false, "Values": { "Smtp__Password": "not-for-azure" } }""");
        }

        try
        {
            // The test project builds Alerts.Functions first, so publish only lays out the package.
            var (code, log) = await RunAsync("dotnet", "publish", project, "-c", Configuration, "--no-build", "-o", output, "-nologo", "-v", "q");
            Assert.True(code == 0, $"dotnet publish failed ({code}):\n{log}");
        }
        finally
        {
            if (createdLocalSettings)
            {
                File.Delete(localSettings);
            }
        }

        try
        {
            Assert.Empty(Directory.GetFiles(output, "local.settings*.json", SearchOption.AllDirectories));
            Assert.True(File.Exists(Path.Combine(output, "Alerts.Functions.dll")));
            Assert.True(Directory.Exists(Path.Combine(output, ".azurefunctions")), "the worker extensions (.azurefunctions) are missing");

            var host = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "host.json")))!;
            Assert.Equal("2.0", (string?)host["version"]);

            var worker = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "worker.config.json")))!;
            Assert.Equal("dotnet-isolated", (string?)worker["description"]!["language"]);
            Assert.Equal("Alerts.Functions.dll", (string?)worker["description"]!["defaultWorkerPath"]);

            var extensions = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "extensions.json")))!;
            Assert.Contains("AzureStorageBlobs", ((JsonArray)extensions["extensions"]!).Select(e => (string?)e!["name"]));

            var metadata = (JsonArray)JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "functions.metadata")))!;
            // The feedback endpoint (issue 20) is the one HTTP function: anonymous, GET and POST, at /api/feedback.
            var feedback = metadata.Single(f => (string?)f!["name"] == Alerts.Functions.Functions.FeedbackFunction.Name)!;
            var http = ((JsonArray)feedback["bindings"]!).Single(b => (string?)b!["type"] == "httpTrigger")!;
            Assert.Equal("feedback", (string?)http["route"]);
            Assert.Equal("Anonymous", (string?)http["authLevel"], StringComparer.OrdinalIgnoreCase);
            Assert.Equal(["get", "post"], ((JsonArray)http["methods"]!).Select(m => (string)m!).Order());
            var functions = metadata.Where(f => f != feedback).ToDictionary(f => (string)f!["name"]!, f => Assert.Single((JsonArray)f!["bindings"]!)!);
            Assert.Equal(
                [FunctionNames.AnalyzeArticle, FunctionNames.FetchArticles, FunctionNames.NotifySubscribers, FunctionNames.Reconcile, FunctionNames.RedriveDeliveries, FunctionNames.SendDigests],
                functions.Keys.Order(StringComparer.Ordinal));
            Assert.Equal("timerTrigger", (string?)functions[FunctionNames.FetchArticles]["type"]);
            Assert.Equal(FunctionNames.FetchScheduleExpression, (string?)functions[FunctionNames.FetchArticles]["schedule"]);
            Assert.Null(functions[FunctionNames.FetchArticles]["runOnStartup"]);
            Assert.Equal(FunctionNames.RedriveScheduleExpression, (string?)functions[FunctionNames.RedriveDeliveries]["schedule"]);
            Assert.Equal(FunctionNames.DigestScheduleExpression, (string?)functions[FunctionNames.SendDigests]["schedule"]);
            Assert.Equal(FunctionNames.ReconcileScheduleExpression, (string?)functions[FunctionNames.Reconcile]["schedule"]);
            foreach (var (name, path) in new[] { (FunctionNames.AnalyzeArticle, FunctionNames.ArticlesTrigger), (FunctionNames.NotifySubscribers, FunctionNames.AnalysesTrigger) })
            {
                Assert.Equal("blobTrigger", (string?)functions[name]["type"]);
                Assert.Equal(path, (string?)functions[name]["path"]);
                Assert.Equal("EventGrid", (string?)functions[name]["source"]);
                Assert.Equal(PipelineNames.StorageConnection, (string?)functions[name]["connection"]);
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
