using static Alerts.Tests.Novelty.NoveltyHarness;

namespace Alerts.Tests.Novelty;

/// <summary>Wire copy carries a speaker's words from outlet to outlet: the quote again with one synonym swapped, or
/// its key phrase inside the next outlet's summary. One statement, one alert. Sentences written for these tests.</summary>
public sealed class VerbatimCarryTests
{
    private static readonly Alerts.Analysis.Speaker Pell = Person("Arthur Pell");

    private readonly NoveltyHarness harness = new();

    [Fact]
    public async Task Claim_QuoteAgainWithOneWordSwapped_IsKnown()
    {
        Assert.True((await harness.ClaimAsync(Pell, "The fleet is turning toward the defense of our own southern coast. That is something we will do and do firmly.", "a.json")).IsNew);

        var decision = await harness.ClaimAsync(Pell, "The Navy is turning toward the defense of our own southern coast. That is something we will do and do forcefully.", "b.json");

        Assert.False(decision.IsNew);
    }

    [Fact]
    public async Task Claim_KeyPhraseQuotedInsideAnotherOutletsSummary_IsKnown()
    {
        Assert.True((await harness.ClaimAsync(Pell, "Every choice stays open on the table when we face groups designated as terrorists that hunt Americans at our border.", "a.json")).IsNew);

        var decision = await harness.ClaimAsync(Pell, "\"every choice stays open on the table\" when it comes to strikes on cartel camps in Mexico", "b.json");

        Assert.False(decision.IsNew);
    }

    [Fact]
    public async Task Claim_SharedStockPhraseButAnotherClaim_IsNew()
    {
        Assert.True((await harness.ClaimAsync(Pell, "Every choice stays open on the table when we face groups designated as terrorists.", "a.json")).IsNew);

        var decision = await harness.ClaimAsync(Pell, "We will send two destroyers to the Gulf next week.", "b.json");

        Assert.True(decision.IsNew);
    }

    [Fact]
    public async Task Claim_ShortRefusalInGenericWordsFromAnotherOutlet_IsKnown()
    {
        Assert.True((await harness.ClaimAsync(Pell, "Not going to happen", "a.json")).IsNew);

        Assert.False((await harness.ClaimAsync(Pell, "It\u2019s not going to happen", "b.json")).IsNew);
        Assert.True((await harness.ClaimAsync(Pell, "It is going to happen", "c.json")).IsNew);
    }
}
