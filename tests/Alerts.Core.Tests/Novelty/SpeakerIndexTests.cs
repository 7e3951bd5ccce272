using Alerts.Analysis;
using Alerts.Novelty;

namespace Alerts.Tests.Novelty;

/// <summary>The per-speaker index: a lookup compares a bounded candidate set, and MinHash bands still find an old
/// statement that is no longer among the speaker's most recent.</summary>
public sealed class SpeakerIndexTests
{
    private static readonly Speaker Minister = new("Rosa Icaza", "Minister", SpeakerKind.Person);
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Places =
        ["Sonora", "Chihuahua", "Coahuila", "Tamaulipas", "Sinaloa", "Durango", "Zacatecas", "Jalisco", "Michoacan", "Guerrero"];

    private static readonly string[] Things =
        ["bridges", "ports", "railways", "airports", "pipelines", "dams", "schools", "clinics", "markets", "roads"];

    [Fact]
    public void Match_ThousandsOfStatementsBySpeaker_ComparesAtMostMaxCandidates()
    {
        var options = new NoveltyOptions { MaxCandidates = 64, RecentCandidates = 16 };
        var index = Filled(options, 2000);

        var match = index.Match(Probe(Statement(3) + " Indeed.", "later.json"), Now);

        Assert.InRange(match.Candidates, 1, 64);
    }

    [Fact]
    public void Match_RewordedOldStatementBeyondTheRecentOnes_IsFoundThroughItsBands()
    {
        var options = new NoveltyOptions { MaxCandidates = 64, RecentCandidates = 16 };
        var index = Filled(options, 2000);

        var match = index.Match(Probe($"In {Places[3 % 10]} {Year(3)} the government will rebuild {Count(3)} {Things[3 / 10 % 10]} said the minister.", "later.json"), Now);

        Assert.NotNull(match.Match);
        Assert.Equal(Statement(3), match.Match.Text);
    }

    [Fact]
    public void Match_ExpiredStatement_IsNotAMatch()
    {
        var options = new NoveltyOptions { Window = TimeSpan.FromDays(30) };
        var index = new SpeakerIndex(options, [Probe(Statement(1), "old.json").ToIndexed(Now.AddDays(-31))]);

        Assert.Null(index.Match(Probe(Statement(1), "new.json"), Now).Match);
    }

    private static SpeakerIndex Filled(NoveltyOptions options, int count)
    {
        var index = new SpeakerIndex(options);
        for (var i = 0; i < count; i++)
        {
            index.Add(Probe(Statement(i), $"a{i}.json").ToIndexed(Now.AddMinutes(-count + i)));
        }

        return index;
    }

    // Every statement differs from every other by a number, so none covers another.
    private static string Statement(int i) => $"The government will rebuild {Count(i)} {Things[i / 10 % 10]} in {Places[i % 10]} by {Year(i)}.";

    private static int Count(int i) => 100 + i;

    private static int Year(int i) => 2027 + i % 7;

    private static StatementProbe Probe(string text, string analysis)
        => StatementProbe.Of(new StatementSighting(StatementKeys.Of(Minister, text), Minister, text, StatementKind.Direct, analysis,
            new StatementReport("Outlet", "https://news.example/" + analysis, "Reconstruction plan", Now, text)));
}
