using Alerts.Analysis;
using Alerts.Articles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Tests.Analysis;

public sealed class ArticleAnalyzerTests
{
    private static readonly DateTimeOffset Now = new(2025, 8, 9, 12, 0, 0, TimeSpan.Zero);

    private const string Text = """
        Defense Secretary Victor Lang said on Thursday that troops could strike cartel camps in Mexico. He spoke at a base
        in Texas.

        “We will not wait for another attack,” Lang said. “The navy is ready.”

        The tariff talks will resume in June, a trade official said.
        """;

    private static ArticleAnalyzer CreateSut() => new(
        new OfflineTextAnalyzer(),
        new FakeTimeProvider(Now),
        new StatementExtractor(),
        new TopicScorer(TopicProfile.UsMexicoMilitaryAction),
        Options.Create(new AnalysisOptions()),
        NullLogger<ArticleAnalyzer>.Instance);

    private static Article Article(string text) => new()
    {
        Id = "article-1",
        Url = "https://example.test/a",
        CanonicalUrl = "https://example.test/a",
        Source = "Example",
        Title = "Pentagon weighs options",
        Fetched = Now,
        Text = text,
        ContentHash = "hash",
    };

    [Fact]
    public async Task AnalyzeAsync_QuoteOf20000Chars_IsCutToTheStatementCap()
    {
        var quote = string.Join(" ", Enumerable.Range(0, 1_000).Select(i => $"Troops {i} could strike cartel camps."));
        var text = $"Defense Secretary Victor Lang spoke on Thursday.\n\n\u201C{quote}\u201D Lang said.";

        var analysis = await CreateSut().AnalyzeAsync(Article(text), CancellationToken.None);

        var statement = Assert.Single(analysis.Statements, s => s.Text.StartsWith("Troops 0", StringComparison.Ordinal));
        Assert.True(quote.Length > 20_000);
        Assert.Equal(Statement.MaxTextChars, statement.Text.Length);
        Assert.EndsWith("\u2026", statement.Text, StringComparison.Ordinal);
        Assert.All(analysis.Statements, s => Assert.True(s.Text.Length <= Statement.MaxTextChars && s.Wordings.Count <= Statement.MaxWordings));
    }

    [Fact]
    public async Task AnalyzeAsync_Article_FillsStatementsWithSpeakerOffsetsSentimentAndRelevance()
    {
        var analysis = await CreateSut().AnalyzeAsync(Article(Text), CancellationToken.None);

        Assert.Equal(Now, analysis.Analyzed);
        Assert.Equal("offline", analysis.Analyzer);
        Assert.Equal(3, analysis.Statements.Count);
        var (indirect, direct, trade) = (analysis.Statements[0], analysis.Statements[1], analysis.Statements[2]);
        Assert.Equal(new Speaker("Victor Lang", "Defense Secretary", SpeakerKind.Person), direct.Speaker);
        Assert.Equal("troops could strike cartel camps in Mexico", indirect.Text);
        Assert.Equal(indirect.Text, Text.Substring(indirect.Offset, indirect.Length));
        Assert.Equal(StatementKind.Direct, direct.Kind);
        Assert.True(direct.Sentiment < 0);
        Assert.True(indirect.IsOnTopic(0.5));
        Assert.False(trade.IsOnTopic(0.5));
        Assert.NotEmpty(indirect.Cues);
        Assert.Matches("^[0-9a-f]{16}$", indirect.Id);
    }

    [Fact]
    public async Task AnalyzeAsync_SummaryIntroducingItsQuote_IsOneStatementShowingTheQuoteWithTheSummaryAsAWording()
    {
        const string text = """
            Navy Secretary Ada Ruiz ruled out sending ships into Mexican waters without Mexico's consent.

            “No vessel of ours will enter Mexican waters unless Mexico asks us,” she told reporters.
            """;

        var analysis = await CreateSut().AnalyzeAsync(Article(text), CancellationToken.None);

        var statement = Assert.Single(analysis.Statements);
        Assert.Equal(StatementKind.Direct, statement.Kind);
        Assert.StartsWith("No vessel of ours will enter Mexican waters", statement.Text, StringComparison.Ordinal);
        Assert.Equal(["ruled out sending ships into Mexican waters without Mexico's consent"], statement.Wordings);
    }

    [Fact]
    public async Task AnalyzeAsync_SummaryEndingItsParagraphThenTheQuoteOpeningTheNext_IsOneStatement()
    {
        // The summary's sentence runs on with what someone else proposed; the next paragraph gives her own words.
        const string text = """
            President Lucía Varela rejected the recent remarks of Senator Paul Dern, who proposed last week that Mexico accept U.S. troops to fight the cartels on its territory.

            «We do not agree with that at all, because it would be an intervention against our sovereignty», Varela stressed.
            """;

        var analysis = await CreateSut().AnalyzeAsync(Article(text), CancellationToken.None);

        var varela = Assert.Single(analysis.Statements, s => s.Speaker.Name.Contains("Varela", StringComparison.Ordinal));
        Assert.Equal(StatementKind.Direct, varela.Kind);
        Assert.StartsWith("We do not agree with that at all", varela.Text, StringComparison.Ordinal);
        Assert.Equal(["rejected the recent remarks of Senator Paul Dern"], varela.Wordings);
    }

    [Fact]
    public async Task AnalyzeAsync_InstitutionsSummaryThenItsSpokespersonsQuote_IsOneStatementInTheSpokespersonsWords()
    {
        // The institution is said to have spoken; the next paragraph gives the words of the one who speaks for it.
        const string text = """
            The Pentagon on Tuesday played down the dispute, saying the United States already has every power it needs to strike the cartels in Mexico without new designations.

            “Designating them would not give us any authority we lack today,” said the department's spokeswoman, Helen Marsh, at her daily briefing.
            """;

        var analysis = await CreateSut().AnalyzeAsync(Article(text), CancellationToken.None);

        var statement = Assert.Single(analysis.Statements, s => s.IsOnTopic(0.5));
        Assert.Equal("Helen Marsh", statement.Speaker.Name);
        Assert.StartsWith("Designating them would not give us", statement.Text, StringComparison.Ordinal);
        Assert.Single(statement.Wordings);
    }

    [Fact]
    public async Task AnalyzeAsync_QuoteWithItsOwnLeadIn_StaysAStatementOfItsOwn()
    {
        // The second paragraph does not open with the quotation: it is a report of its own, not the summary's backing.
        const string text = """
            Navy Secretary Ada Ruiz ruled out sending ships into Mexican waters without Mexico's consent.

            If the cartels “keep arming boats with our rifles, we will board every one of them,” Ruiz said.
            """;

        var analysis = await CreateSut().AnalyzeAsync(Article(text), CancellationToken.None);

        Assert.Equal(2, analysis.Statements.Count);
        Assert.All(analysis.Statements, s => Assert.Empty(s.Wordings));
    }

    [Fact]
    public async Task AnalyzeAsync_StatementQualifiedAfterItsAttribution_IsOneStatementKeepingTheHedge()
    {
        const string text = """
            Labelling the gangs as terrorists gives Washington grounds to send troops into Mexico, said President Lucía Varela, but, she added, that does not mean it will happen.
            """;

        var analysis = await CreateSut().AnalyzeAsync(Article(text), CancellationToken.None);

        var statement = Assert.Single(analysis.Statements);
        Assert.StartsWith("Labelling the gangs as terrorists gives Washington grounds", statement.Text, StringComparison.Ordinal);
        Assert.Contains("into Mexico, but ", statement.Text, StringComparison.Ordinal);
        Assert.EndsWith("does not mean it will happen", statement.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("said President", statement.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeAsync_QuoteSentencesThatLeanOnTheirContext_AreOneClaimTogether()
    {
        // The first sentence names its subject; the next two only go on from the paragraph's talk of troops in Mexico.
        const string text = """
            Senator Dale Brooks called for troops to be sent into Mexico against the cartels.

            “The cartels are poisoning thousands of families in our towns every single year,” Brooks said. “We have to restore order in every town and we have to look after our families and neighbours. The commander in chief has to use every power the law gives him.”
            """;

        var analysis = await CreateSut().AnalyzeAsync(Article(text), CancellationToken.None);

        var quotes = analysis.Statements.Where(s => s.Kind == StatementKind.Direct).ToList();
        Assert.Equal(2, quotes.Count);
        Assert.Equal("The cartels are poisoning thousands of families in our towns every single year", quotes[0].Text.TrimEnd('.', ','));
        Assert.Equal("We have to restore order in every town and we have to look after our families and neighbours. The commander in chief has to use every power the law gives him.", quotes[1].Text);
    }

    [Fact]
    public async Task AnalyzeAsync_SameArticleTwice_GivesSameStatementIds()
    {
        var first = await CreateSut().AnalyzeAsync(Article(Text), CancellationToken.None);
        var second = await CreateSut().AnalyzeAsync(Article(Text), CancellationToken.None);

        Assert.Equal(first.Statements.Select(s => s.Id), second.Statements.Select(s => s.Id));
        Assert.Equal(first.Statements.Count, first.Statements.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void AddAlertsAnalysis_DefaultConfiguration_ResolvesAnalyzer()
    {
        using var provider = Services([]);

        Assert.NotNull(provider.GetRequiredService<ArticleAnalyzer>());
        Assert.Equal(0.5, provider.GetRequiredService<IOptions<AnalysisOptions>>().Value.Threshold);
    }

    [Theory]
    [InlineData("Analysis:Threshold", "1.5")]
    [InlineData("Analysis:Analyzer", "Cloud")]
    public void AddAlertsAnalysis_InvalidSetting_FailsValidation(string key, string value)
    {
        using var provider = Services(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AnalysisOptions>>().Value);
        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddAlertsAnalysis(configuration).BuildServiceProvider();
    }

    [Fact]
    public void AddAlertsAnalysis_TopicExclusionsConfigured_ReplacesOnlyThatList()
    {
        using var provider = Services(new()
        {
            ["Analysis:Topic:Exclusions:0"] = "harbour",
            ["Analysis:Topic:Places:0"] = "atlantis",
        });

        var scorer = provider.GetRequiredService<TopicScorer>();

        Assert.True(scorer.Score("Troops will strike the cartels in Atlantis.", null, null, null).Relevance >= 0.5);
        Assert.Contains("exclusion:harbour", scorer.Score("The harbour of Atlantis reopened", null, null, null).Cues);
        Assert.Contains("exclusion:tariff", new TopicScorer(TopicProfile.UsMexicoMilitaryAction).Score("tariff talks", null, null, null).Cues);
    }
}
