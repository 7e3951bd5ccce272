using Alerts.Analysis;

namespace Alerts.Tests.Analysis;

public sealed class HeadlineStatementsTests
{
    private static readonly StatementExtractor Extractor = new();

    private static List<ExtractedStatement> FromHeadline(string title, string body)
        => Extractor.Extract(body, title).Where(s => s.Length == 0).ToList();

    [Fact]
    public void Extract_SpeakerVerbHeadline_ResolvesSurnameToBodyFullName()
    {
        const string title = "Ruiz rejects foreign troops on national soil";

        var statement = Assert.Single(FromHeadline(title, "Governor Ana Ruiz met the press in the capital."));

        Assert.Equal("Ana Ruiz", statement.Speaker.Name);
        Assert.Equal("rejects foreign troops on national soil", statement.Text);
        Assert.Equal((0, 0), (statement.Offset, statement.Length));
        Assert.Equal(title, statement.Paragraph);
    }

    [Fact]
    public void Extract_SpeakerToVerbHeadline_ReadsAnnouncedIntent()
    {
        var statement = Assert.Single(FromHeadline("Hale to designate the river gangs as terrorist groups",
            "President Tom Hale spoke to a radio host on Tuesday."));

        Assert.Equal("Tom Hale", statement.Speaker.Name);
        Assert.Equal("to designate the river gangs as terrorist groups", statement.Text);
    }

    [Fact]
    public void Extract_SayingVerbWithThat_DropsVerbAndComplementizer()
    {
        var statement = Assert.Single(FromHeadline("Ruiz reconoce que el vecino tiene más motivos para intervenir",
            "La gobernadora Ana Ruiz habló en su conferencia."));

        Assert.Equal("el vecino tiene más motivos para intervenir", statement.Text);
    }

    [Fact]
    public void Extract_DenialVerbWithThat_KeepsTheDenial()
    {
        var statement = Assert.Single(FromHeadline("Ruiz niega que tropas extranjeras vayan a entrar al país",
            "La gobernadora Ana Ruiz habló en su conferencia."));

        Assert.StartsWith("niega que", statement.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_SlugWithInvertedVerbAndRole_SplitsTwoClaimsForTheRoleHolder()
    {
        var statements = FromHeadline(
            "Vigilamos a las bandas afirma secretario de Defensa de EU actuaremos en el momento justo",
            "El secretario de Defensa de Estados Unidos, Tomás Vela, habló en televisión.");

        Assert.Equal(["Vigilamos a las bandas", "actuaremos en el momento justo"], statements.Select(s => s.Text));
        Assert.All(statements, s => Assert.Equal("Tomás Vela", s.Speaker.Name));
    }

    [Fact]
    public void Extract_SlugEndingInKnownName_TakesTheNameAsSpeaker()
    {
        var statement = Assert.Single(FromHeadline("En la redada del sábado no participaron soldados extranjeros Ruiz",
            "La gobernadora Ana Ruiz habló con la prensa."));

        Assert.Equal("Ana Ruiz", statement.Speaker.Name);
        Assert.Equal("En la redada del sábado no participaron soldados extranjeros", statement.Text);
    }

    [Fact]
    public void Extract_SlugEndingInNameTheBodyLacks_FindsNothing()
    {
        Assert.Empty(FromHeadline("En la redada del sábado no participaron soldados extranjeros Ruiz",
            "La policía estatal informó del operativo."));
    }

    [Fact]
    public void Extract_ClaimColonSpeaker_AttributesClaimToSpeaker()
    {
        var statement = Assert.Single(FromHeadline("No foreign soldiers took part in the raid: Ruiz",
            "Governor Ana Ruiz met the press in the capital."));

        Assert.Equal("Ana Ruiz", statement.Speaker.Name);
        Assert.Equal("No foreign soldiers took part in the raid", statement.Text);
    }

    [Fact]
    public void Extract_ClaimColonSpeakerOnTopic_AttributesClaimToSpeaker()
    {
        var statement = Assert.Single(FromHeadline("This is not going to happen: Ruiz on the reported troop plan",
            "Governor Ana Ruiz met the press in the capital."));

        Assert.Equal("This is not going to happen", statement.Text);
    }

    [Fact]
    public void Extract_SpeakerLeadColonQuote_AttributesQuoteToLead()
    {
        var statement = Assert.Single(FromHeadline("Ruiz warns: \u201CThose who call for an invasion should look south\u201D",
            "Governor Ana Ruiz met the press in the capital."));

        Assert.Equal("Ana Ruiz", statement.Speaker.Name);
        Assert.Equal("Those who call for an invasion should look south", statement.Text);
    }

    [Fact]
    public void Extract_QuoteColonSpeakerAnswers_AttributesQuoteToRoleHolder()
    {
        var statement = Assert.Single(FromHeadline("\u2018Not on our land\u2019: Mexican president answers Hale",
            "Mexican President Ana Ruiz spoke after President Tom Hale's remarks."));

        Assert.Equal("Ana Ruiz", statement.Speaker.Name);
        Assert.Equal("Not on our land", statement.Text);
    }

    [Fact]
    public void Extract_TitleCaseClaimCommaSaysSpeaker_ReadsInvertedAttribution()
    {
        var statement = Assert.Single(FromHeadline("Border Is Under Gang Control, Says Hale",
            "President Tom Hale spoke to a radio host on Tuesday."));

        Assert.Equal("Tom Hale", statement.Speaker.Name);
        Assert.Equal("Border Is Under Gang Control", statement.Text);
    }

    [Fact]
    public void Extract_CountryAsSpeaker_ResolvesToThatCountrysPresident()
    {
        var statement = Assert.Single(FromHeadline("Mexico Denies Foreign Role In Border Raid",
            "President Tom Hale praised the raid. Mexican President Ana Ruiz spoke on Monday."));

        Assert.Equal("Ana Ruiz", statement.Speaker.Name);
        Assert.Equal("Denies Foreign Role In Border Raid", statement.Text);
    }

    [Fact]
    public void Extract_CountryNobodyInTheBodyLeads_FindsNothing()
    {
        Assert.Empty(FromHeadline("Mexico denies any foreign role in the raid", "The raid took place on Sunday."));
    }

    [Fact]
    public void Extract_AcronymSpeaker_ResolvesByInitials()
    {
        var statement = Assert.Single(FromHeadline("JMRV pide a Hale cooperación sin intervención",
            "El presidente Juan Manuel Ruiz Vega habló con la prensa."));

        Assert.Equal("Juan Manuel Ruiz Vega", statement.Speaker.Name);
        Assert.Equal("pide a Hale cooperación sin intervención", statement.Text);
    }

    [Fact]
    public void Extract_ClaimColonOutlet_IsTheOutletsReport()
    {
        var statement = Assert.Single(FromHeadline("Capital weighs drone strikes on river gangs: 'Channel News'",
            "The plans are at an early stage."));

        Assert.Equal(SpeakerKind.Media, statement.Speaker.Kind);
        Assert.Equal(StatementKind.Report, statement.Kind);
        Assert.Equal("Capital weighs drone strikes on river gangs", statement.Text);
    }

    [Fact]
    public void Extract_QuoteSignedBySite_FindsNothing()
    {
        Assert.Empty(FromHeadline("\u2018Act now so that we do not have to\u2019 \u2013 el Diario",
            "The secretary spoke on Monday."));
    }

    [Theory]
    [InlineData("Capital sends 20 gang leaders to the north")]
    [InlineData("Army kills 11 in strike on river boat")]
    [InlineData("Ruiz meets Hale at the border summit")]
    public void Extract_HeadlineOfAction_FindsNothing(string title)
    {
        Assert.Empty(FromHeadline(title, "Governor Ana Ruiz and President Tom Hale spoke on Monday."));
    }

    [Fact]
    public void Extract_HeadlineRestatingBodyStatement_KeepsOnlyTheBodyStatement()
    {
        var statements = Extractor.Extract("Governor Ana Ruiz said on Monday that she rejects foreign troops on national soil.",
            "Ruiz rejects foreign troops on national soil");

        var statement = Assert.Single(statements);
        Assert.True(statement.Length > 0);
    }

    [Fact]
    public void CandidateParagraphs_HeadlineStatementOnly_SendsNothing()
    {
        var body = "Governor Ana Ruiz met the press in the capital.";
        var statements = Extractor.Extract(body, "Ruiz rejects foreign troops on national soil");

        Assert.Single(statements);
        Assert.Empty(ArticleAnalyzer.CandidateParagraphs(body, statements));
    }

    [Fact]
    public void Extract_HeadlineSummingUpABodyQuoteInOtherWords_IsLeftToTheBody()
    {
        var body = "Governor Maya Rios spoke on Monday. \u201CNo foreign soldier will patrol our state, whatever the plan says,\u201D Rios said.";

        Assert.Empty(FromHeadline("Rios stands firm against foreign soldier patrols", body));
        Assert.Single(Extractor.Extract(body, "Rios stands firm against foreign soldier patrols"));
    }
}
