using System.Text.Json;
using Alerts.Host;
using Alerts.Tests.Corpus;
using CorpusFiles = Alerts.Tests.Corpus.Corpus;

namespace Alerts.Tests.Cli;

public sealed class ReplayCommandTests : IDisposable
{
    private readonly string output = Path.Combine(Path.GetTempPath(), $"alerts-{Guid.NewGuid():N}.jsonl");

    public void Dispose() => File.Delete(output);

    [CorpusFact]
    public async Task Replay_Corpus_WritesAlertsFromEveryArticleIncludingTheDamagedOne()
    {
        var (exit, stdout, stderr) = await RunAsync("replay", CorpusFiles.Folder!, "--out", output, "--explain");

        Assert.True(exit == 0, stderr);
        Assert.Contains("Replayed 4 articles", stdout, StringComparison.Ordinal);
        var alerts = ReadAlerts();
        Assert.All(alerts, a =>
        {
            Assert.False(string.IsNullOrWhiteSpace(a.GetProperty("speaker").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(a.GetProperty("text").GetString()));
            Assert.NotEqual(0, a.GetProperty("articles").GetArrayLength());
            Assert.InRange(a.GetProperty("relevance").GetDouble(), 0, 1);
            Assert.InRange(a.GetProperty("sentiment").GetDouble(), -1, 1);
        });
        var damaged = alerts.Where(a => a.GetProperty("articles")[0].GetString()!.StartsWith("001_", StringComparison.Ordinal)).ToList();
        Assert.Contains(damaged, a => a.GetProperty("speaker").GetString() == "Cecilia Farfán-Méndez");
        Assert.Contains(damaged, a => a.GetProperty("speaker").GetString() == "Anna Kelly");
        Assert.DoesNotContain(alerts, a => a.GetProperty("text").GetString()!.Contains('â', StringComparison.Ordinal));

        // Each speaker's statements, rightly attributed, found in every article that carries them: as an alert where the
        // statement is new, as a repeat (printed by --explain with what it matched) where an earlier article said it.
        var repeats = stdout.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.All(repeats, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("repeatsKey").GetString())));
        var found = alerts.Select(a => (Speaker: a.GetProperty("speaker").GetString(), Article: a.GetProperty("articles")[0].GetString()!))
            .Concat(repeats.Select(r => (Speaker: r.GetProperty("speaker").GetString(), Article: r.GetProperty("article").GetString()!)))
            .ToList();
        var expected = new Dictionary<string, string[]>
        {
            ["Claudia Sheinbaum"] = ["000_", "001_", "002_", "003_"],
            ["Marco Rubio"] = ["000_", "001_", "003_"],
            ["Anna Kelly"] = ["001_", "002_", "003_"],
            ["Brian Finucane"] = ["000_"],
            ["Cecilia Farfán-Méndez"] = ["001_"],
        };
        foreach (var (speaker, articles) in expected)
        {
            var from = found.Where(f => f.Speaker == speaker).Select(f => f.Article[..4]).Distinct().Order(StringComparer.Ordinal).ToList();
            Assert.True(articles.SequenceEqual(from), $"{speaker}: found in {string.Join(", ", from)}, expected {string.Join(", ", articles)}");
        }

        Assert.Contains(alerts, a => a.GetProperty("speaker").GetString() == "Marco Rubio"
            && a.GetProperty("role").GetString() == "U.S. Secretary of State");
        Assert.Contains(alerts, a => a.GetProperty("speaker").GetString() == "Claudia Sheinbaum"
            && a.GetProperty("text").GetString()!.Contains("no invasion", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replay_SampleArticles_AlertsARepeatedQuoteOnce()
    {
        var (exit, _, stderr) = await RunAsync("replay", Path.Combine(RepoPaths.Samples, "articles"), "--out", output);

        Assert.True(exit == 0, stderr);
        var alerts = ReadAlerts();
        Assert.Single(alerts, a => a.GetProperty("text").GetString()!.StartsWith("We are preparing every option", StringComparison.Ordinal));
        Assert.DoesNotContain(alerts, a => a.GetProperty("speaker").GetString()!.Contains("Delgado", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replay_Explain_PrintsRepeatsAndComparisonsPerAlert()
    {
        var (exit, stdout, stderr) = await RunAsync("replay", Path.Combine(RepoPaths.Samples, "articles"), "--out", output, "--explain");

        Assert.True(exit == 0, stderr);
        var repeat = stdout.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement)
            .First(r => r.GetProperty("text").GetString()!.StartsWith("We are preparing every option", StringComparison.Ordinal));
        Assert.StartsWith("We are preparing every option", repeat.GetProperty("repeatsText").GetString(), StringComparison.Ordinal);
        Assert.True(repeat.GetProperty("compared")[0].GetProperty("score").GetDouble() >= 0.75);
        Assert.All(ReadAlerts(), a => Assert.Equal(JsonValueKind.Array, a.GetProperty("compared").ValueKind));
    }

    [Fact]
    public async Task Replay_MissingFolder_FailsWithTheFolderNamed()
    {
        var (exit, _, stderr) = await RunAsync("replay", "/no/such/folder", "--out", output);

        Assert.Equal(Alerts.Host.Cli.BadUsage, exit);
        Assert.Contains("/no/such/folder", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_BrokenJsonArticle_IsSkippedWithReasonAndOthersStillReplay()
    {
        var folder = Directory.CreateTempSubdirectory("replay-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "a.json"), "{ not json");
            await File.WriteAllTextAsync(Path.Combine(folder, "b.txt"),
                "Minister rejects troops\n\n\u201CMexico will not accept foreign troops on its soil,\u201D Foreign Minister Ana Ruiz said on Monday.");

            var (exit, stdout, stderr) = await RunAsync("replay", folder, "--out", output);

            Assert.True(exit == 0, stderr);
            Assert.Contains("skipped a.json", stderr, StringComparison.Ordinal);
            Assert.Contains("Replayed 1 articles", stdout, StringComparison.Ordinal);
            Assert.Contains(ReadAlerts(), a => a.GetProperty("speaker").GetString() == "Ana Ruiz");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Replay_WithGold_PrintsVerdictsMissedGroupsAndTheScoreLineLast()
    {
        var gold = Path.Combine(Path.GetTempPath(), $"gold-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(gold, """
            {"groups": [
              {"id": "p1", "kind": "required", "speaker": "Marsh",
               "members": [{"a": "pentagon-options", "text": "We are preparing every option, including strikes on cartel laboratories, if our citizens remain in danger."}]},
              {"id": "p2", "kind": "required", "speaker": "Salazar",
               "members": [{"a": "pentagon-options", "text": "Mexico will not accept foreign troops on its territory under any circumstances."}]},
              {"id": "p3", "kind": "required", "speaker": "Delgado", "members": [{"a": "none", "text": "A statement no sample article makes."}]},
              {"id": "s1", "kind": "offtopic", "speaker": "Whitaker",
               "members": [{"a": "senate-split", "text": "Sending the Navy after cartel boats near Mexican waters would be an act of war without a vote of Congress."}]}]}
            """);
        try
        {
            var (exit, stdout, stderr) = await RunAsync("replay", Path.Combine(RepoPaths.Samples, "articles"), "--out", output, "--gold", gold, "--verbose");

            Assert.True(exit == 0, stderr);
            var lines = stdout.TrimEnd().Split('\n');
            // Three alerts: the two labelled and the labelled off-topic one; the summaries that introduce Marsh's and
            // Whitaker's quotes travel with those quotes rather than alerting on their own.
            Assert.Equal("recall 0.67 precision 0.67 dup 0 offtopic 1 misattributed 0 unmatched 0 alerts 3", lines[^1]);
            Assert.Equal("missed: p3", lines[^2]);
            Assert.Contains(lines, l => l.StartsWith("NEW p1  ", StringComparison.Ordinal) && l.Contains("| Helen Marsh ", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("OFFTOPIC s1  ", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(gold);
        }
    }

    [Fact]
    public async Task Replay_MissingGold_FailsBeforeReplayingWithTheFileNamed()
    {
        var (exit, _, stderr) = await RunAsync("replay", Path.Combine(RepoPaths.Samples, "articles"), "--out", output, "--gold", "/no/such/gold.json");

        Assert.Equal(Alerts.Host.Cli.BadUsage, exit);
        Assert.Contains("Gold file '/no/such/gold.json' does not exist.", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Replay_MalformedGold_FailsWithTheProblemNotAStackTrace()
    {
        var gold = Path.Combine(Path.GetTempPath(), $"gold-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(gold, """{"groups": [{"id": "p1", "kind": "required", "speaker": "Marsh"}]}""");
        try
        {
            var (exit, _, stderr) = await RunAsync("replay", Path.Combine(RepoPaths.Samples, "articles"), "--out", output, "--gold", gold);

            Assert.Equal(Alerts.Host.Cli.BadUsage, exit);
            Assert.Equal($"error: Gold file '{gold}' is malformed: group 'p1' needs \"members\": a non-empty array.", stderr.Trim());
        }
        finally
        {
            File.Delete(gold);
        }
    }

    [Fact]
    public async Task Replay_VerboseWithoutGold_IsBadUsage()
    {
        var (exit, _, stderr) = await RunAsync("replay", Path.Combine(RepoPaths.Samples, "articles"), "--out", output, "--verbose");

        Assert.Equal(Alerts.Host.Cli.BadUsage, exit);
        Assert.Contains("--verbose", stderr, StringComparison.Ordinal);
    }

    private List<JsonElement> ReadAlerts()
        => [.. File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    internal static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await Alerts.Host.Cli.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
