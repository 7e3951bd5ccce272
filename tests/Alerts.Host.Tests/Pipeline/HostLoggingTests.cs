using Alerts.Host;
using Alerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alerts.Tests.Pipeline;

/// <summary>The local host honours the Logging section, as the Functions host does.</summary>
public sealed class HostLoggingTests : IDisposable
{
    private readonly string settings = Path.Combine(Path.GetTempPath(), $"settings-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(settings);

    [Fact]
    public void CreateBuilder_DefaultLevelDebugInLocalSettings_WritesDebugMessages()
    {
        var logs = Log(new() { ["Logging__LogLevel__Default"] = "Debug" });

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Debug && e.Message == "debug line");
    }

    [Fact]
    public void CreateBuilder_CategoryLevelSetting_OverridesTheHostsOwnFilter()
    {
        // The host quietens Microsoft.* to Warning; an operator's setting for the category wins.
        var logs = Log(new() { ["Logging__LogLevel__Microsoft"] = "Information" }, "Microsoft.Azure.WebJobs.Test", LogLevel.Information);

        Assert.Contains(logs.Entries, e => e.Message == "debug line");
    }

    [Fact]
    public void CreateBuilder_NoLoggingSettings_LeavesDebugOut()
    {
        var logs = Log([]);

        Assert.DoesNotContain(logs.Entries, e => e.Message == "debug line");
    }

    private CapturingLoggerProvider Log(Dictionary<string, string> values, string category = "Alerts.Fetching.FetchArticlesStep", LogLevel level = LogLevel.Debug)
    {
        File.WriteAllText(settings, System.Text.Json.JsonSerializer.Serialize(new { IsEncrypted = false, Values = values }));
        var logs = new CapturingLoggerProvider();
        using var host = AlertsHost.CreateBuilder(settings).ConfigureLogging(logging => logging.AddProvider(logs)).Build();
#pragma warning disable CA1848, CA2254 // a plain call is what this test needs: any message at the level under test
        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category).Log(level, "debug line");
#pragma warning restore CA1848, CA2254
        return logs;
    }
}
