using Alerts.Analysis;

namespace Alerts.Tests.Analysis;

public sealed class OfflineTextAnalyzerTests
{
    private static readonly OfflineTextAnalyzer Analyzer = new();

    private static async Task<double> SentenceScore(string sentence)
        => Assert.Single((await Analyzer.AnalyzeAsync(sentence, "en", CancellationToken.None)).Sentences).Sentiment.Score;

    [Fact]
    public async Task AnalyzeAsync_NegativeWords_ScoreBelowZero()
    {
        Assert.True(await SentenceScore("The attack was a violent disaster.") < -0.5);
    }

    [Fact]
    public async Task AnalyzeAsync_PositiveWords_ScoreAboveZero()
    {
        Assert.True(await SentenceScore("The agreement is a great success for peace.") > 0.5);
    }

    [Fact]
    public async Task AnalyzeAsync_NegatedPositive_ScoresNegative()
    {
        Assert.True(await SentenceScore("This is not a good plan.") < 0);
    }

    [Fact]
    public async Task AnalyzeAsync_Intensifier_StrengthensScore()
    {
        Assert.True(await SentenceScore("The plan is very good.") > await SentenceScore("The plan is good."));
    }

    [Fact]
    public async Task AnalyzeAsync_Spanish_ScoresWithSpanishLexicon()
    {
        Assert.True(await SentenceScore("Fue una invasión ilegal y una amenaza.") < -0.5);
    }

    [Fact]
    public async Task AnalyzeAsync_Text_ReturnsSentencesWithOffsetsAndDocumentScore()
    {
        var text = "The talks were a success.\n\nThen the attack came. It was a disaster.";

        var analysis = await Analyzer.AnalyzeAsync(text, "en", CancellationToken.None);

        Assert.Equal(["The talks were a success.", "Then the attack came.", "It was a disaster."],
            analysis.Sentences.Select(s => text.Substring(s.Offset, s.Length)));
        Assert.Equal("negative", analysis.Document.Label);
        Assert.Equal(0, analysis.TextRecords);
    }

    [Fact]
    public async Task AnalyzeAsync_Text_FindsPeopleOrganizationsAndPlaces()
    {
        var analysis = await Analyzer.AnalyzeAsync(
            "Prime Minister Clara Voss met officials of the Pentagon in Mexico City.", "en", CancellationToken.None);

        Assert.Contains(analysis.Entities, e => e is { Text: "Clara Voss", Category: EntityCategory.Person });
        Assert.Contains(analysis.Entities, e => e is { Text: "Pentagon", Category: EntityCategory.Organization });
        Assert.Contains(analysis.Entities, e => e is { Text: "Mexico City", Category: EntityCategory.Location });
    }
}
