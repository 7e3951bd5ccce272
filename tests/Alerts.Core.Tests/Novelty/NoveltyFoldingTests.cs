using Alerts.Novelty;
using static Alerts.Tests.Novelty.NoveltyHarness;

namespace Alerts.Tests.Novelty;

/// <summary>The wordings by which news repeats one statement (rewordings, translations, partial and fuller quotes,
/// other name forms) fold into it; another claim, or the same position on a later occasion, stays new. All sentences
/// are written for these tests.</summary>
public sealed class NoveltyFoldingTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 11, 0, 0, TimeSpan.Zero);

    private readonly NoveltyHarness harness = new();

    private async Task<NoveltyDecision> AfterAsync(string known, string text, string? speaker = null, string first = "first.json",
        string second = "second.json", DateTimeOffset? published = null)
    {
        Assert.True((await harness.ClaimAsync(Person("Rosa Icaza"), known, first)).IsNew);
        return await harness.ClaimAsync(Person(speaker ?? "Rosa Icaza"), text, second, published: published);
    }

    [Fact]
    public async Task Claim_SendArmedForcesRewordedAsDeployTroops_IsKnown()
        => Assert.False((await AfterAsync(
            "Washington will not send its armed forces into Mexico.",
            "Washington will not deploy troops to Mexico or act unilaterally.")).IsNew);

    [Fact]
    public async Task Claim_StrikesOnLandRewordedAsGroundOperations_IsKnown()
        => Assert.False((await AfterAsync(
            "The Pentagon will soon start striking the gangs on land.",
            "The Pentagon will soon begin ground operations against the gangs.")).IsNew);

    [Fact]
    public async Task Claim_RefusalTranslatedFromNegatedAssent_IsKnown()
        => Assert.False((await AfterAsync(
            "No vamos a permitir que intervengan fuerzas armadas extranjeras en nuestro territorio.",
            "She rejected any intervention by foreign armed forces on our territory.")).IsNew);

    [Fact]
    public async Task Claim_FullQuoteAfterItsPartialQuote_IsKnown()
        => Assert.False((await AfterAsync(
            "no foreign soldiers will patrol our highways",
            "No foreign soldiers will patrol our highways, and no foreign drones will fly over our towns.")).IsNew);

    [Fact]
    public async Task Claim_LeadSummaryThenItsQuoteInTheSameArticle_IsKnown()
        => Assert.False((await AfterAsync(
            "the navy will guard the Pacific ports against smuggling of chemicals by sea",
            "From tomorrow our navy guards every port on the Pacific, where the precursor chemicals arrive by ship.",
            first: "same.json", second: "same.json")).IsNew);

    private const string FleetQuote = "Our ships stay in our own waters; the gulf is patrolled by our sailors alone.";
    private const string FleetSummary = "ruled out sending warships into Mexican waters";
    private const string FleetReport = "She ruled out sending U.S. warships into Mexican waters.";

    [Fact]
    public async Task Claim_LaterReportMatchingOnlyTheSummaryTheQuoteCameWith_IsKnown()
    {
        var withSummary = Sighting(Person("Rosa Icaza"), FleetQuote, "first.json") with { Wordings = [FleetSummary] };
        Assert.True((await harness.Index.ClaimAsync(withSummary, CancellationToken.None)).IsNew);

        var report = await harness.ClaimAsync(Person("Rosa Icaza"), FleetReport, "second.json");

        Assert.False(report.IsNew);
        Assert.Equal(FleetQuote, report.Statement.Text);
    }

    [Fact]
    public async Task Claim_LaterReportOfTheSummaryWhenTheQuoteCameAlone_IsNew()
        => Assert.True((await AfterAsync(FleetQuote, FleetReport)).IsNew);

    [Fact]
    public async Task Claim_SummaryWordingOfANewQuoteRepeatsAKnownReport_IsKnown()
    {
        Assert.True((await harness.ClaimAsync(Person("Rosa Icaza"), FleetReport, "first.json")).IsNew);

        var later = Sighting(Person("Rosa Icaza"), FleetQuote, "second.json") with { Wordings = [FleetSummary] };

        Assert.False((await harness.Index.ClaimAsync(later, CancellationToken.None)).IsNew);
    }

    [Fact]
    public async Task Claim_TheSpeakersPhraseResumedLaterInTheSameArticle_IsKnown()
        => Assert.False((await AfterAsync(
            "On the radio this morning I said it plainly: we have said no.",
            "It is the truth, we have said no and we will proudly keep saying no.",
            first: "same.json", second: "same.json")).IsNew);

    [Fact]
    public async Task Claim_FullerQuoteAfterItsOpeningWordsInTheSameArticle_IsKnownThoughItSaysMore()
        => Assert.False((await AfterAsync(
            "We have said it in public, always: we do not agree.",
            "We do not agree with any intervention, that has been very clear; we coordinate, we cooperate, we do not subordinate ourselves.",
            first: "same.json", second: "same.json")).IsNew);

    [Fact]
    public async Task Claim_KnownClaimWrappedInAFillerClause_IsKnown()
        => Assert.False((await AfterAsync(
            "Washington will designate the gangs as terrorist groups.",
            "I won't tell you what I am going to do, but they will be designated.")).IsNew);

    [Fact]
    public async Task Claim_FillerClauseAlone_IsNotARepeatOfAnything()
        => Assert.True((await AfterAsync(
            "Washington will designate the gangs as terrorist groups.",
            "I won't tell you what I am going to do about it.")).IsNew);

    [Fact]
    public async Task Claim_TheSamePhraseInAnotherArticle_IsNotEvidenceOnItsOwn()
        => Assert.True((await AfterAsync(
            "On the radio this morning I said it plainly: we have said no.",
            "It is the truth, we have said no and we will proudly keep saying no.")).IsNew);

    [Fact]
    public async Task Claim_SharedPhraseButAFurtherClaimInTheSameArticle_IsNew()
        => Assert.True((await AfterAsync(
            "Any joint patrol is absolutely off the table.",
            "We share radar data, but there will be no invasion. It is off the table, absolutely off the table.",
            first: "same.json", second: "same.json")).IsNew);

    [Fact]
    public async Task Claim_DifferentClaimOfTheSameSpeakerInTheSameArticle_IsNew()
        => Assert.True((await AfterAsync(
            "Washington will not send its armed forces into Mexico.",
            "We were told about the executive order before it was signed.",
            first: "same.json", second: "same.json")).IsNew);

    [Fact]
    public async Task Claim_KnownClaimPlusAFurtherClaim_IsNew()
        => Assert.True((await AfterAsync(
            "Washington will not send its armed forces into Mexico.",
            "The ministry was informed of the order in advance. Washington will not send its armed forces into Mexico.")).IsNew);

    [Fact]
    public async Task Claim_SamePositionOnALaterOccasion_IsNew()
        => Assert.True((await AfterAsync(
            "Washington will not send its armed forces into Mexico.",
            "Washington will not deploy its armed forces into Mexico.",
            published: Monday.AddDays(12))).IsNew);

    [Fact]
    public async Task Claim_SameWordsCitedOnALaterDay_IsKnown()
        => Assert.False((await AfterAsync(
            "Washington will not send its armed forces into Mexico.",
            "Washington will not send its armed forces into Mexico.",
            published: Monday.AddDays(12))).IsNew);

    [Theory]
    [InlineData("Juan Carlos Pérez", "Juan Pérez")]
    [InlineData("Pérez Ruiz", "Juan Pérez")]
    [InlineData("Claudia Sheinbaum Pardo", "Sheinbaum")]
    [InlineData("Sheinbaum", "Claudia Sheinbaum Pardo")]
    [InlineData("canciller Marcelo Ebrard", "Marcelo Ebrard")]
    public async Task Claim_OtherFormOfTheSpeakersName_KeepsTheIdentity(string first, string second)
    {
        const string text = "Mexico will never accept foreign troops on its territory.";
        Assert.True((await harness.ClaimAsync(Person(first), text, "first.json")).IsNew);

        Assert.False((await harness.ClaimAsync(Person(second), "México nunca aceptará tropas extranjeras en su territorio.", "second.json")).IsNew);
    }

    [Theory]
    [InlineData("Claudia Sheinbaum", "Ernesto Sheinbaum")]
    [InlineData("Claudia López", "Claudia Sheinbaum")]
    public async Task Claim_AnotherPersonSharingOneName_IsNew(string first, string second)
    {
        const string text = "Mexico will never accept foreign troops on its territory.";
        Assert.True((await harness.ClaimAsync(Person(first), text, "first.json")).IsNew);

        Assert.True((await harness.ClaimAsync(Person(second), text, "second.json")).IsNew);
    }
}
