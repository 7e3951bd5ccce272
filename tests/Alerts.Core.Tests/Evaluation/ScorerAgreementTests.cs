using System.Diagnostics;
using System.Text;
using Alerts.Evaluation;
using Alerts.Tests.Corpus;
using Xunit.Abstractions;

namespace Alerts.Tests.Evaluation;

/// <summary>The C# scorer against shared/eval/score.py on the devset: the same verdict for every alert, the same
/// missed groups and the same last line.</summary>
public sealed class ScorerAgreementTests(ITestOutputHelper output)
{
    [DevsetFact(NeedsPython = true)]
    public Task Score_IdealAlerts_AgreesWithPythonScorer() => AssertAgreesAsync(Devset.PathOf("ideal.jsonl"));

    [DevsetFact(NeedsPython = true)]
    public Task Score_AllMembersAlerts_AgreesWithPythonScorer() => AssertAgreesAsync(Devset.PathOf("all-members.jsonl"));

    [DevsetFact(NeedsPython = true)]
    public async Task Score_ReplayedDevsetAlerts_AgreesWithPythonScorer()
    {
        var path = Path.Combine(Path.GetTempPath(), $"alerts-devset-{Guid.NewGuid():N}.jsonl");
        try
        {
            await File.WriteAllTextAsync(path, await DevsetReplay.AlertLinesAsync(), new UTF8Encoding(false));
            await AssertAgreesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task AssertAgreesAsync(string alertsPath)
    {
        var scorecard = new AlertScorer(GoldSet.Load(Devset.PathOf("gold.json"))).Score(AlertLines.Load(alertsPath));

        var pythonLine = (await PythonAsync(alertsPath)).TrimEnd('\n');
        var pythonVerbose = (await PythonAsync(alertsPath, "--verbose")).TrimEnd('\n').Split('\n');
        output.WriteLine($"{Path.GetFileName(alertsPath)}");
        output.WriteLine($"  C#:     {scorecard.Summary}");
        output.WriteLine($"  python: {pythonLine}");

        Assert.Equal(pythonLine, scorecard.Summary);
        // Every alert's verdict and group(s), its speaker and text as printed, then the missed groups and the last line.
        string[] verbose = [.. scorecard.VerboseLines(), scorecard.Summary];
        Assert.Equal(pythonVerbose, verbose);
    }

    private static async Task<string> PythonAsync(string alertsPath, params string[] extra)
    {
        var start = new ProcessStartInfo(Devset.Python!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in (string[])[Devset.ScorePy!, Devset.PathOf("gold.json"), alertsPath, .. extra])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"score.py failed: {await stderr}");
        return await stdout;
    }
}
