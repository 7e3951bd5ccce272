using Alerts.Tests.Infrastructure;

namespace Alerts.Tests.Infra;

/// <summary>Every Bicep file compiles and lints clean with the pinned Bicep CLI (infra/bicepconfig.json rules).</summary>
public sealed class BicepBuildTests
{
    [Fact]
    public async Task Lint_EveryBicepAndParameterFile_ReportsNothing()
    {
        // One pattern for both kinds: *.bicep and *.bicepparam.
        var (code, output) = await Bicep.RunAsync("lint", "--pattern", "infra/**/*.bicep*");

        Assert.True(code == 0 && output.Length == 0, $"bicep lint:\n{output}");
    }

    [Fact]
    public async Task Build_EveryBicepFile_CompilesWithoutWarnings()
    {
        var infra = await Bicep.CompileOnceAsync();

        Assert.True(infra.BuildOutput.Length == 0, $"bicep build:\n{infra.BuildOutput}");
        var sources = Directory.GetFiles(Bicep.InfraDirectory, "*.bicep", SearchOption.AllDirectories)
            .Select(f => Path.ChangeExtension(Path.GetRelativePath(Bicep.InfraDirectory, f), ".json"));
        Assert.All(sources, json => Assert.True(File.Exists(Path.Combine(infra.OutputDirectory, json)), $"{json} was not built"));
        Assert.Contains("dev", infra.Parameters.Keys);
    }

    [Fact]
    public void Modules_EveryModuleFile_IsUsedByMain()
    {
        var main = File.ReadAllText(Path.Combine(Bicep.InfraDirectory, "main.bicep"));
        var modules = Directory.GetFiles(Path.Combine(Bicep.InfraDirectory, "modules"), "*.bicep");

        Assert.NotEmpty(modules);
        Assert.All(modules, m => Assert.Contains($"'modules/{Path.GetFileName(m)}'", main, StringComparison.Ordinal));
    }
}
