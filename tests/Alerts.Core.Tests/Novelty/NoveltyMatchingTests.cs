using Alerts.Novelty;
using static Alerts.Tests.Novelty.NoveltyHarness;

namespace Alerts.Tests.Novelty;

/// <summary>One alert per statement: the wordings of one statement that must be recognised, and the near misses that
/// must not. All sentences are written for these tests.</summary>
public sealed class NoveltyMatchingTests
{
    private const string Known = "Mexico will never accept foreign troops on its territory. Our sovereignty is not negotiable.";

    private static readonly Alerts.Analysis.Speaker Sheinbaum = Person("Claudia Sheinbaum");

    private readonly NoveltyHarness harness = new();

    private async Task<NoveltyDecision> AfterKnownAsync(string text, Alerts.Analysis.Speaker? speaker = null)
    {
        Assert.True((await harness.ClaimAsync(Sheinbaum, Known, "first.json")).IsNew);
        return await harness.ClaimAsync(speaker ?? Sheinbaum, text, "second.json");
    }

    [Fact]
    public async Task Claim_FirstSighting_IsNew()
    {
        var decision = await harness.ClaimAsync(Sheinbaum, Known, "first.json");

        Assert.True(decision.IsNew);
        Assert.Equal(Known, decision.Statement.Text);
        Assert.Equal("first.json", decision.Statement.FirstAnalysis);
    }

    [Fact]
    public async Task Claim_Reworded_IsKnown()
    {
        var decision = await AfterKnownAsync("Foreign soldiers will never be accepted on Mexican soil; our sovereignty is not up for negotiation.");

        Assert.False(decision.IsNew);
        Assert.Equal(Known, decision.Statement.Text);
    }

    [Fact]
    public async Task Claim_Shortened_IsKnown()
        => Assert.False((await AfterKnownAsync("Mexico will never accept foreign troops.")).IsNew);

    [Fact]
    public async Task Claim_PartialQuote_IsKnown()
        => Assert.False((await AfterKnownAsync("sovereignty is not negotiable")).IsNew);

    [Fact]
    public async Task Claim_TranslatedToSpanish_IsKnown()
        => Assert.False((await AfterKnownAsync("México nunca aceptará tropas extranjeras en su territorio. Nuestra soberanía no es negociable.")).IsNew);

    [Fact]
    public async Task Claim_TranslatedFromSpanish_IsKnown()
    {
        Assert.True((await harness.ClaimAsync(Sheinbaum, "Estados Unidos no enviará tropas a México; cooperamos, pero no habrá invasión.", "es.json")).IsNew);

        var decision = await harness.ClaimAsync(Sheinbaum, "The United States will not send troops to Mexico. We cooperate, but there will be no invasion.", "en.json");

        Assert.False(decision.IsNew);
    }

    [Fact]
    public async Task Claim_IndirectParaphraseOfDirectQuote_IsKnown()
        => Assert.False((await AfterKnownAsync("she said Mexico would never accept foreign troops on Mexican territory")).IsNew);

    [Fact]
    public async Task Claim_TwoStatementsOfOneArticleQuotedTogether_IsKnown()
    {
        await harness.ClaimAsync(Sheinbaum, "Mexico will never accept foreign troops on its territory.", "a.json");
        await harness.ClaimAsync(Sheinbaum, "We cooperate with Washington on security, but we do not subordinate ourselves.", "a.json");

        var decision = await harness.ClaimAsync(
            Sheinbaum, "Foreign troops will never be accepted on Mexican territory; we cooperate on security but do not subordinate ourselves.", "c.json");

        Assert.False(decision.IsNew);
    }

    [Fact]
    public async Task Claim_TalkingPointsFromTwoArticlesSaidTogether_IsNew()
    {
        // Each claim was said before, on two occasions; said together again, they are what she said this time.
        await harness.ClaimAsync(Sheinbaum, "Mexico will never accept foreign troops on its territory.", "a.json");
        await harness.ClaimAsync(Sheinbaum, "We cooperate with Washington on security, but we do not subordinate ourselves.", "b.json");

        var decision = await harness.ClaimAsync(
            Sheinbaum, "Foreign troops will never be accepted on Mexican territory; we cooperate on security but do not subordinate ourselves.", "c.json");

        Assert.True(decision.IsNew);
    }

    [Fact]
    public async Task Claim_MergedKnownAndNewClaim_IsNew()
    {
        var decision = await AfterKnownAsync("Mexico will never accept foreign troops on its territory. We will file a complaint at the United Nations.");

        Assert.True(decision.IsNew);
    }

    [Fact]
    public async Task Claim_DifferentSpeakerSameWords_IsNew()
        => Assert.True((await AfterKnownAsync(Known, Person("Marcelo Ebrard"))).IsNew);

    [Fact]
    public async Task Claim_DifferentClaimSameTopicSameSpeaker_IsNew()
        => Assert.True((await AfterKnownAsync("Mexico will extradite more cartel leaders to the United States this year.")).IsNew);

    [Fact]
    public async Task Claim_AddedNegation_IsNew()
    {
        await harness.ClaimAsync(Sheinbaum, "We will cooperate with the Pentagon on drone surveillance.", "a.json");

        Assert.True((await harness.ClaimAsync(Sheinbaum, "We will not cooperate with the Pentagon on drone surveillance.", "b.json")).IsNew);
    }

    [Fact]
    public async Task Claim_DifferentNumber_IsNew()
    {
        await harness.ClaimAsync(Sheinbaum, "Mexico sent 10,000 soldiers to the northern border.", "a.json");

        Assert.True((await harness.ClaimAsync(Sheinbaum, "Mexico sent 15,000 soldiers to the northern border.", "b.json")).IsNew);
        Assert.False((await harness.ClaimAsync(Sheinbaum, "Mexico deployed 10,000 troops to the northern border.", "c.json")).IsNew);
    }

    [Fact]
    public async Task Claim_RepeatWithinWindow_IsKnown()
    {
        await harness.ClaimAsync(Sheinbaum, Known, "first.json");
        harness.Time.Advance(TimeSpan.FromDays(29));

        Assert.False((await harness.ClaimAsync(Sheinbaum, Known, "later.json")).IsNew);
    }

    [Fact]
    public async Task Claim_RepeatAfterWindow_IsNewAgain()
    {
        await harness.ClaimAsync(Sheinbaum, Known, "first.json");
        harness.Time.Advance(TimeSpan.FromDays(31));

        var decision = await harness.ClaimAsync(Sheinbaum, "Foreign soldiers will never be accepted on Mexican soil.", "later.json");

        Assert.True(decision.IsNew);
        Assert.Equal("later.json", decision.Statement.FirstAnalysis);
    }

    [Fact]
    public async Task Claim_SameWordsAfterWindow_StartNewRecord()
    {
        await harness.ClaimAsync(Sheinbaum, Known, "first.json");
        harness.Time.Advance(TimeSpan.FromDays(31));

        var decision = await harness.ClaimAsync(Sheinbaum, Known, "later.json");

        Assert.True(decision.IsNew);
        Assert.Equal("later.json", decision.Statement.FirstAnalysis);
        Assert.Single(decision.Statement.Reports);
    }

    [Fact]
    public async Task Claim_RetriedBySameAnalysis_IsStillNew()
    {
        await harness.ClaimAsync(Sheinbaum, Known, "first.json", statementId: "s3");

        var retried = await harness.ClaimAsync(Sheinbaum, Known, "first.json", statementId: "s3");

        Assert.True(retried.IsNew);
    }

    [Fact]
    public async Task Claim_SecondWordingInSameArticle_IsKnown()
    {
        await harness.ClaimAsync(Sheinbaum, Known, "first.json", statementId: "s1");

        Assert.False((await harness.ClaimAsync(Sheinbaum, "she said Mexico would never accept foreign troops", "first.json", statementId: "s4")).IsNew);
        Assert.False((await harness.ClaimAsync(Sheinbaum, Known, "first.json", statementId: "s5")).IsNew);
    }

    [Fact]
    public async Task Claim_LaterReport_IsAttachedWithOutletUrlAndWording()
    {
        const string wording = "Foreign soldiers will never be accepted on Mexican soil.";

        var decision = await AfterKnownAsync(wording);

        Assert.Equal(2, decision.Statement.Reports.Count);
        var report = decision.Statement.Reports[1];
        Assert.Equal("Outlet second.json", report.Source);
        Assert.Equal("https://news.example/second.json", report.Url);
        Assert.Equal(wording, report.Wording);
    }

    [Fact]
    public async Task Claim_Known_ExplainsComparisonWithScore()
    {
        var decision = await AfterKnownAsync("Mexico will never accept foreign troops.");

        var comparison = Assert.Single(decision.Comparisons);
        Assert.Equal(Known, comparison.Text);
        Assert.True(comparison.Score >= harness.Options.ClaimMatchThreshold, $"score {comparison.Score}");
        Assert.Equal([comparison.Key], decision.ComparedWith);
    }

    [Fact]
    public async Task Claim_AnonymousSameKindCompatibleContext_IsKnown()
    {
        await harness.ClaimAsync(Anonymous("A U.S. official"), "Strikes on cartel laboratories are not imminent.", "a.json",
            title: "Pentagon drafts options for strikes on Mexican cartels");

        var decision = await harness.ClaimAsync(Anonymous("a senior U.S. official"), "No strike on the cartels' laboratories is imminent.", "b.json",
            title: "U.S. military prepares options against cartels, officials say");

        Assert.False(decision.IsNew);
    }

    [Fact]
    public async Task Claim_AnonymousSameKindOtherContext_IsNew()
    {
        await harness.ClaimAsync(Anonymous("A U.S. official"), "Strikes on cartel laboratories are not imminent.", "a.json",
            title: "Pentagon drafts options for strikes on Mexican cartels");

        var decision = await harness.ClaimAsync(Anonymous("A U.S. official"), "Strikes on cartel laboratories are not imminent.", "b.json",
            title: "Steel tariffs and the price of washing machines");

        Assert.True(decision.IsNew);
    }

    [Fact]
    public async Task Claim_AnonymousOtherKind_IsNew()
    {
        await harness.ClaimAsync(Anonymous("A U.S. official"), "Strikes on cartel laboratories are not imminent.", "a.json");

        Assert.True((await harness.ClaimAsync(Anonymous("A Mexican diplomat"), "Strikes on cartel laboratories are not imminent.", "b.json")).IsNew);
    }

    [Theory]
    [InlineData("Sheinbaum")]
    [InlineData("Claudia Sheinbaum Pardo")]
    [InlineData("Sheinbaum Pardo")]
    [InlineData("President Claudia Sheinbaum")]
    [InlineData("CLAUDIA SHEINBAUM")]
    public async Task Claim_SameSpeakerOtherNameForm_IsKnown(string name)
        => Assert.False((await AfterKnownAsync(Known, Person(name))).IsNew);

    [Fact]
    public async Task Claim_SameSurnameOtherGivenName_IsNew()
        => Assert.True((await AfterKnownAsync(Known, Person("Ernesto Sheinbaum"))).IsNew);

    [Fact]
    public async Task Claim_OrganizationByName_IgnoresArticleAndCase()
    {
        var house = new Alerts.Analysis.Speaker("The White House", null, Alerts.Analysis.SpeakerKind.Organization);
        await harness.ClaimAsync(house, "The cartels are now designated as terrorist organisations.", "a.json");

        var same = await harness.ClaimAsync(house with { Name = "White House" }, "cartels have been labelled terrorist groups", "b.json");
        var other = await harness.ClaimAsync(house with { Name = "State Department" }, "cartels have been labelled terrorist groups", "c.json");

        Assert.False(same.IsNew);
        Assert.True(other.IsNew);
    }

    [Fact]
    public async Task Claim_ConcurrentClaimsOfOneStatement_ExactlyOneNew()
    {
        var wordings = Enumerable.Range(0, 16).Select(i => i % 2 == 0 ? Known : "Foreign soldiers will never be accepted on Mexican soil; our sovereignty is not up for negotiation.");

        var decisions = await Task.WhenAll(wordings.Select((text, i) => Task.Run(() => harness.ClaimAsync(Sheinbaum, text, $"a{i}.json"))));

        Assert.Single(decisions, d => d.IsNew);
    }
}
