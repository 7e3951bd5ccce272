using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Alerts.Tests.Infrastructure;

/// <summary>The Bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64, a PackageDownload of this project),
/// and the infrastructure compiled once per test run.</summary>
internal static class Bicep
{
    public static string InfraDirectory => Path.Combine(RepoPaths.Root, "infra");

    /// <summary>Every environment's parameter file: infra/environments/NAME/main.bicepparam.</summary>
    public static IReadOnlyList<string> ParameterFiles =>
        [.. Directory.GetFiles(Path.Combine(InfraDirectory, "environments"), "*.bicepparam", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    public static string Executable { get; } = FindExecutable();

    private static readonly Lazy<Task<CompiledInfra>> Compiled = new(CompileAsync);

    public static Task<CompiledInfra> CompileOnceAsync() => Compiled.Value;

    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The parameter files read secrets from the environment; compile them as a clean checkout would.
        foreach (var secret in SecretEnvironmentVariables)
        {
            info.Environment.Remove(secret);
        }

        info.Environment["BICEP_TRACING_ENABLED"] = "false";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start bicep.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }

    public static readonly string[] SecretEnvironmentVariables = ["SMTP_PASSWORD", "TEAMS_WEBHOOK_URL_0", "ALERTS_SUBSCRIBE_EVENTS"];

    private static async Task<CompiledInfra> CompileAsync()
    {
        var output = Directory.CreateTempSubdirectory("alerts-bicep-").FullName;
        var (code, text) = await RunAsync("build", "--pattern", "infra/**/*.bicep", "--outdir", output);
        if (code != 0)
        {
            throw new InvalidOperationException($"bicep build failed ({code}):\n{text}");
        }

        var parameters = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var file in ParameterFiles)
        {
            var environment = Path.GetFileName(Path.GetDirectoryName(file)!);
            var outFile = Path.Combine(output, $"{environment}.parameters.json");
            var (paramCode, paramText) = await RunAsync("build-params", file, "--outfile", outFile);
            if (paramCode != 0)
            {
                throw new InvalidOperationException($"bicep build-params {file} failed ({paramCode}):\n{paramText}");
            }

            parameters[environment] = (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(outFile))!;
        }

        return new CompiledInfra(output, text, (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "main.json")))!, parameters);
    }

    private static string FindExecutable()
    {
        var metadata = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var packageRoot = metadata.GetValueOrDefault("NuGetPackageRoot") is { Length: > 0 } root
            ? root
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var path = Path.Combine(packageRoot, "azure.bicep.commandline.linux-x64", metadata["BicepVersion"]!, "tools", "bicep");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"The Bicep CLI is not at {path}: restore tests/Alerts.Functions.Tests (dotnet restore).");
    }
}

/// <summary>main.json and every environment's parameters, as bicep build and build-params wrote them.</summary>
internal sealed record CompiledInfra(string OutputDirectory, string BuildOutput, JsonObject Main, IReadOnlyDictionary<string, JsonObject> Parameters);
