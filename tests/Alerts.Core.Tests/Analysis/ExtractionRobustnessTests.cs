using System.Text;
using Alerts.Analysis;
using Alerts.Articles;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alerts.Tests.Analysis;

/// <summary>Whatever a scraper hands over, analysis ends with statements whose offsets lie inside the text: a crash
/// here would send the article to the poison queue.</summary>
public sealed class ExtractionRobustnessTests
{
    private static readonly string[] Pieces =
    [
        "\u201C", "\u201D", "\"", "'", "\u2018", "\u2019", "\u00AB", "\u00BB", "\u2014", " \u2014", "\u2014.", ":", ",", ".", "?", "!",
        "\n", "\n\n", " ", "said", "dijo", "told reporters", "according to", "según", "que", "that", "the", "la", "de la",
        "Mr.", "Sra.", "U.S.", "Claudia Sheinbaum", "Sheinbaum", "Marco Rubio", "she", "he", "the official", "a U.S. official",
        "El secretario de la Defensa Nacional", "The New York Times reported", "troops", "cartels", "Mexico", "soberanía",
        "We will not accept it", "No habrá invasión", "â€œ", "â€", "\u00C3\u00A9", "1,000", "2025", "Asked about tariffs",
    ];

    [Fact]
    public async Task AnalyzeAsync_RandomFragments_NeverThrowsAndKeepsOffsetsInsideTheText()
    {
        var random = new Random(20251202);
        var analyzer = new ArticleAnalyzer(new OfflineTextAnalyzer(), TimeProvider.System, new StatementExtractor(),
            new TopicScorer(TopicProfile.UsMexicoMilitaryAction), Options.Create(new AnalysisOptions()), NullLogger<ArticleAnalyzer>.Instance);
        for (var run = 0; run < 400; run++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(0, 80); i > 0; i--)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]).Append(random.Next(3) == 0 ? "" : " ");
            }

            var article = Article(text.ToString());
            var analysis = await analyzer.AnalyzeAsync(article, CancellationToken.None);

            Assert.All(analysis.Statements, s =>
            {
                Assert.InRange(s.Offset, 0, article.Text.Length);
                Assert.InRange(s.Offset + s.Length, s.Offset, article.Text.Length);
                Assert.InRange(s.Relevance, 0, 1);
                Assert.InRange(s.Sentiment, -1, 1);
                Assert.False(string.IsNullOrWhiteSpace(s.Speaker.Name), $"no speaker name in: {article.Text}");
            });
            Assert.All(analysis.Entities, e => Assert.InRange(e.Offset + e.Length, e.Offset, article.Text.Length));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("\u201C")]
    [InlineData("\u2014")]
    [InlineData("\u2014 \u2014")]
    [InlineData("'")]
    [InlineData("said")]
    [InlineData("\u00AB\u00BB, dijo.")]
    public async Task AnalyzeAsync_DegenerateText_ReturnsNoStatements(string text)
    {
        var analyzer = new ArticleAnalyzer(new OfflineTextAnalyzer(), TimeProvider.System, new StatementExtractor(),
            new TopicScorer(TopicProfile.UsMexicoMilitaryAction), Options.Create(new AnalysisOptions()), NullLogger<ArticleAnalyzer>.Instance);

        var analysis = await analyzer.AnalyzeAsync(Article(text), CancellationToken.None);

        Assert.Empty(analysis.Statements);
    }

    private static Article Article(string text) => new()
    {
        Id = "fuzz",
        Url = "https://example.test/fuzz",
        CanonicalUrl = "https://example.test/fuzz",
        Source = "fuzz",
        Title = "Fuzz",
        Fetched = DateTimeOffset.UnixEpoch,
        Text = text,
        ContentHash = "h",
    };
}
