using Alerts.Tests.Infrastructure;

namespace Alerts.Tests.Infra;

/// <summary>Every Bicep file compiles and lints clean with the pinned Bicep CLI (infra/bicepconfig.json rules).</summary>
public sealed class BicepBuildTests
{
    [Fact]
    public async Task Lint_EveryBicepAndParameterFile_ReportsNothing()
    {
        var bicep = await Bicep.RunAsync("lint", "--pattern", "infra/**/*.bicep");
        var parameters = await Bicep.RunAsync("lint", "--pattern", "infra/**/*.bicepparam");

        Assert.True(bicep.ExitCode == 0 && bicep.Output.Length == 0, $"bicep lint (.bicep):\n{bicep.Output}");
        Assert.True(parameters.ExitCode == 0 && parameters.Output.Length == 0, $"bicep lint (.bicepparam):\n{parameters.Output}");
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
