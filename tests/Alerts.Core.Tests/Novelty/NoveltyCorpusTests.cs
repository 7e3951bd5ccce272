using System.Text.Json;
using Alerts.Replay;
using Alerts.Storage;
using Alerts.Tests.Corpus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using CorpusFiles = Alerts.Tests.Corpus.Corpus;

namespace Alerts.Tests.Novelty;

/// <summary>The four real articles replayed in order: the same statements arrive reworded, translated, shortened and
/// merged, and each must alert once.</summary>
public sealed class NoveltyCorpusTests(ITestOutputHelper output)
{
    // Wordings of one statement each, as they appear across the articles (short fragments, to find them).
    private static readonly (string Statement, string[] Fragments, bool MustAlert)[] Statements =
    [
        ("Sheinbaum: no U.S. troops in Mexico", ["not be entering Mexican territory", "military personnel on Mexican soil", "will not send troops to Mexico"], true),
        ("Sheinbaum: no invasion", ["there will be no invasion", "no U.S. military invasion of Mexico"], true),
        ("Rubio: armed terrorist organisations", ["treating them as armed terrorist organizations", "treat them as armed terrorist organizations"], true),
        ("Rubio: no longer law enforcement", ["no longer a law enforcement issue"], true),
        ("Rubio: target them with intelligence and defence", ["target what they're operating", "allows intelligence agencies and the Department of Defense", "allows the U.S. to target their operations"], true),
        ("Kelly: the President's priority", ["priority is protecting the homeland", "priority\u201D is to protect national territory", "priority\" is to protect national territory"], true),
        ("Finucane: hard to square with the law", ["hard to square with domestic or international law"], true),
        ("Finucane: almost certainly unlawful", ["almost certainly be unlawful"], false),
        ("Farf\u00E1n-M\u00E9ndez: not welcome", ["not a welcome development"], true),
    ];

    [CorpusFact]
    public async Task Replay_CorpusInOrder_AlertsEachStatementOnce()
    {
        var (alerts, repeats) = await ReplayAsync();

        foreach (var (statement, fragments, mustAlert) in Statements)
        {
            var matching = alerts.Where(a => fragments.Any(f => Loose(a.Text).Contains(Loose(f), StringComparison.OrdinalIgnoreCase))).ToList();
            Assert.True(matching.Count <= 1, $"{statement} alerted {matching.Count} times: {string.Join(" | ", matching.Select(m => m.Text))}");
            Assert.True(!mustAlert || matching.Count == 1, $"{statement} never alerted");
        }

        Assert.NotEmpty(repeats);
    }

    [CorpusFact]
    public async Task Replay_CorpusInOrder_LaterArticlesAddOnlyStatementsNotAlreadyAlerted()
    {
        var (alerts, repeats) = await ReplayAsync();

        // The translated wire (003) repeats Kelly, Rubio and Sheinbaum: none of them alerts again.
        var translated = alerts.Where(a => a.Articles[0].StartsWith("003_", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(translated, a => a.Speaker is "Anna Kelly" or "Marco Rubio" or "Claudia Sheinbaum");
        Assert.Contains(repeats, r => r.Article.StartsWith("003_", StringComparison.Ordinal) && r.Speaker == "Claudia Sheinbaum"
            && r.Text.Contains("send troops", StringComparison.Ordinal));
        // An exact reprint (Kelly in 002) and a paraphrase of it (003) are both repeats of the first report.
        Assert.Equal(2, repeats.Count(r => r.Speaker == "Anna Kelly"));
    }

    private async Task<(List<ReplayAlert> Alerts, List<ReplayRepeat> Repeats)> ReplayAsync()
    {
        var configuration = new ConfigurationBuilder().Build();
        await using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddAlertsReplay(configuration)
            .BuildServiceProvider();
        using var alertsOut = new StringWriter();
        using var repeatsOut = new StringWriter();
        await provider.GetRequiredService<ReplayRunner>().RunAsync(CorpusFiles.Folder!, alertsOut, explain: true, CancellationToken.None, repeatsOut);
        var alerts = Lines<ReplayAlert>(alertsOut);
        var repeats = Lines<ReplayRepeat>(repeatsOut);
        foreach (var alert in alerts)
        {
            output.WriteLine($"ALERT  {alert.Articles[0][..3]} {alert.Speaker}: {alert.Text}");
        }

        foreach (var repeat in repeats)
        {
            output.WriteLine($"REPEAT {repeat.Article[..3]} {repeat.Speaker}: {repeat.Text}  =>  {repeat.RepeatsText}");
        }

        return (alerts, repeats);
    }

    private static List<T> Lines<T>(StringWriter writer)
        => [.. writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonSerializer.Deserialize<T>(l, AlertsJson.Options)!)];

    private static string Loose(string text)
        => text.Replace('\u2019', '\'').Replace('\u201C', '"').Replace('\u201D', '"');
}
