using System.Text.Json.Nodes;
using Alerts.Functions;
using Alerts.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alerts.Tests.Functions;

/// <summary>Logging__LogLevel__Default=Debug takes effect on Azure: the worker filters by its Logging section, and the
/// Functions host (host.json) passes on every level the worker sends.</summary>
public sealed class WorkerLoggingTests
{
    [Fact]
    public void CreateBuilder_DefaultLevelDebugSetting_WritesDebugMessages()
    {
        var logs = Log(new() { ["Logging:LogLevel:Default"] = "Debug" });

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Debug && e.Message == "debug line");
    }

    [Fact]
    public void CreateBuilder_NoLoggingSettings_LeavesDebugOutAndKeepsInformation()
    {
        var logs = Log([]);

        Assert.DoesNotContain(logs.Entries, e => e.Message == "debug line");
        Assert.Contains(logs.Entries, e => e.Message == "information line");
    }

    [Fact]
    public void HostJson_WorkerLogCategories_LetEveryLevelThrough()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Alerts.Functions", "host.json")))!;
        var levels = host["logging"]!["logLevel"]!;

        // Worker logs reach the host under Function.<name>.User (in an invocation) and Host.Function.Console (outside
        // one); a level above Trace there would drop what the worker's own setting lets through.
        Assert.Equal("Trace", (string?)levels["Function"]);
        Assert.Equal("Trace", (string?)levels["Host.Function.Console"]);
    }

    private static CapturingLoggerProvider Log(Dictionary<string, string?> settings)
    {
        var builder = AlertsFunctionsServices.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new CapturingLoggerProvider();
        builder.Logging.AddProvider(logs);
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Alerts.Fetching.FetchArticlesStep");
#pragma warning disable CA1848 // a plain call is what this test needs: any message at the level under test
        logger.LogDebug("debug line");
        logger.LogInformation("information line");
#pragma warning restore CA1848
        return logs;
    }
}
