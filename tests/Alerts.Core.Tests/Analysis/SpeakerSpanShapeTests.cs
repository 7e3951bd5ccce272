using Alerts.Analysis;
using Alerts.Articles;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alerts.Tests.Analysis;

/// <summary>Speaker phrases as outlets write them: an adverb and participle before the title, an envoy's title that
/// names where he is sent, an opening circumstance, a surname that is also a given name elsewhere. Our own sentences.</summary>
public sealed class SpeakerSpanShapeTests
{
    private static async Task<IReadOnlyList<Statement>> StatementsAsync(string title, string body)
    {
        var analyzer = new ArticleAnalyzer(new OfflineTextAnalyzer(), TimeProvider.System, new StatementExtractor(),
            new TopicScorer(TopicProfile.UsMexicoMilitaryAction), Options.Create(new AnalysisOptions()), NullLogger<ArticleAnalyzer>.Instance);
        var article = new Article
        {
            Id = "shape",
            Url = "https://example.test/shape",
            CanonicalUrl = "https://example.test/shape",
            Source = "test",
            Title = title,
            Fetched = DateTimeOffset.UnixEpoch,
            Text = $"{title}\n\n{body}",
            ContentHash = "h",
        };
        return (await analyzer.AnalyzeAsync(article, CancellationToken.None)).Statements;
    }

    [Fact]
    public async Task Analyze_AdverbAndParticipleBeforeTheTitle_NameTheOfficial()
    {
        var statements = await StatementsAsync("Navy chief weighs options on cartels",
            "Newly confirmed Secretary of the Navy Arthur Pell has refused to rule out strikes on cartels in Mexico, saying that \"nothing is off the table\" for the troops.");

        Assert.Contains(statements, s => s.Speaker.Name == "Arthur Pell" && s.Text.Contains("off the table", StringComparison.Ordinal));
        Assert.DoesNotContain(statements, s => s.Speaker.Name == "Newly");
    }

    [Fact]
    public async Task Analyze_OpeningCircumstanceAndEnvoyTitle_NameTheEnvoy()
    {
        var statements = await StatementsAsync("Envoy hopeful on security talks",
            "Amidst these tensions, U.S. Ambassador to Mexico Dale Brooks expressed hope about the talks, asserting that joint work against the cartels in Mexico would continue without any troops.");

        Assert.Contains(statements, s => s.Speaker.Name == "Dale Brooks");
        Assert.DoesNotContain(statements, s => s.Speaker.Name is "Amidst" or "U.S. Ambassador");
    }

    [Fact]
    public async Task Analyze_TitleCaseHeadlineVerbAfterASurname_IsNotPartOfTheName()
    {
        var statements = await StatementsAsync("Hegseth Signals Tougher Action Against Mexican Cartels",
            "U.S. Defense Secretary Pete Hegseth said on Tuesday that the government is taking steps against Mexican drug cartels and will act to protect Americans.\n\n"
            + "\u201CI can\u2019t reveal anything, but I\u2019m not saying there will be U.S. troops in Mexico,\u201D he said.");

        Assert.NotEmpty(statements);
        Assert.All(statements, s => Assert.Equal("Pete Hegseth", s.Speaker.Name));
    }

    [Fact]
    public async Task Analyze_CountryAfterATitleAndADescriptorLater_IsNeverTheSpeaker()
    {
        var statements = await StatementsAsync("La presidenta descarta una invasión tras la orden de Washington",
            "La presidenta Laura Campos respondió con firmeza a la orden ejecutiva firmada por el presidente de Estados Unidos, Donald Trump, que permite al Pentágono usar fuerza militar contra cárteles.\n\n"
            + "En conferencia de prensa, la mandataria descartó de manera tajante cualquier intervención militar estadounidense en México.\n\n"
            + "\u201CNos avisaron que vendría una orden, pero es sobre su país, dentro de EU. No va a haber invasión en México\u201D, subrayó.");

        Assert.Contains(statements, s => s.Speaker.Name == "Laura Campos" && s.Text.Contains("invasión en México", StringComparison.Ordinal));
        Assert.DoesNotContain(statements, s => s.Speaker.Name == "Estados Unidos");
        Assert.DoesNotContain(statements, s => s.Text.StartsWith("con firmeza", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Washington declaró a seis cárteles mexicanos como organizaciones terroristas en febrero, antes de amenazar con ataques en México.")]
    [InlineData("President Donald Trump declared a national emergency at the border with Mexico, allowing troops to be sent against the cartels.")]
    public async Task Analyze_DeclaringAnAct_IsNoStatement(string sentence)
    {
        var statements = await StatementsAsync("Cartels and troops", sentence);

        Assert.Empty(statements);
    }

    [Fact]
    public async Task Analyze_DeclaredThat_IsStillAStatement()
    {
        var statements = await StatementsAsync("Cartels and troops",
            "President Donald Trump declared that U.S. troops would strike the cartels in Mexico if the government there did nothing.");

        Assert.Contains(statements, s => s.Speaker.Name == "Donald Trump" && s.Text.StartsWith("U.S. troops would strike", StringComparison.Ordinal));
    }
}
