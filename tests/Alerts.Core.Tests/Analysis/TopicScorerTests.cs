using Alerts.Analysis;

namespace Alerts.Tests.Analysis;

public sealed class TopicScorerTests
{
    private const double Threshold = 0.5;
    private static readonly TopicScorer Scorer = new(TopicProfile.UsMexicoMilitaryAction);

    [Theory]
    [InlineData("Drones could strike cartel labs inside Mexico within weeks.")]
    [InlineData("Special forces would raid the cartels' compounds south of the border.")]
    [InlineData("There will be no invasion, and Mexico's sovereignty is not up for negotiation.")]
    [InlineData("Designating the gangs as terrorist organizations lets the Pentagon use military force against them.")]
    [InlineData("No habrá invasión; defenderemos la soberanía de México ante cualquier intervención militar.")]
    [InlineData("Estados Unidos no enviará tropas a México para combatir a los cárteles.")]
    public void Score_MilitaryActionAgainstCartelsOrSovereigntyAnswer_IsOnTopic(string statement)
    {
        Assert.True(Scorer.Score(statement, null, null, null).Relevance >= Threshold);
    }

    [Theory]
    [InlineData("The tariff talks with Mexico will resume next week in Washington.")]
    [InlineData("The suspect will be extradited to Texas to face cartel charges.")]
    [InlineData("Maduro's re-election is not recognized by Washington, and the cartel reward was doubled.")]
    public void Score_TradeExtraditionVenezuelaOrUnrelated_IsOffTopic(string statement)
    {
        var context = "Officials discussed sending troops to fight cartels in Mexico.";

        Assert.True(Scorer.Score(statement, context, null, "Pentagon weighs strikes on cartels").Relevance < Threshold);
    }

    [Fact]
    public void Score_UnrelatedStatement_IsZero()
    {
        var relevance = Scorer.Score("The city council approved a new budget for public parks.", null, null, null);

        Assert.Equal(0, relevance.Relevance);
        Assert.Empty(relevance.Cues);
    }

    [Fact]
    public void Score_PronounStatement_LeansOnPreviousParagraph()
    {
        var relevance = Scorer.Score(
            "They would be making a grave mistake.",
            "\u201CThey would be making a grave mistake,\u201D the governor said.",
            "Washington is weighing sending troops into Mexico to hunt the cartels.",
            null);

        Assert.True(relevance.Relevance >= Threshold);
        Assert.Contains("previous:troops", relevance.Cues);
    }

    [Fact]
    public void Score_TitleAlone_StaysBelowThreshold()
    {
        var relevance = Scorer.Score("The weather was fine for the parade.", null, null, "Troops ready to strike cartels in Mexico");

        Assert.True(relevance.Relevance < Threshold);
        Assert.Contains("title:troops", relevance.Cues);
    }

    [Fact]
    public void Score_ExcludedSubject_NamesExclusionCue()
    {
        var relevance = Scorer.Score("New tariffs on Mexican steel take effect in June.", null, null, null);

        Assert.Contains("exclusion:tariff", relevance.Cues);
    }

    [Fact]
    public void Score_CustomProfile_UsesConfiguredTermsAndWeights()
    {
        var scorer = new TopicScorer(new TopicProfile { Actions = ["flood*|1"], Places = ["river|0.5"] });

        Assert.True(scorer.Score("The river flooding forced evacuations.", null, null, null).Relevance >= Threshold);
        Assert.Equal(0, scorer.Score("Troops entered Mexico.", null, null, null).Relevance);
    }

    [Theory]
    [InlineData("Los militares estadounidenses no cruzarán la frontera con México.")]
    [InlineData("Cualquier ataque con drones contra los cárteles sería una violación de la soberanía.")]
    [InlineData("El Pentágono prepara una intervención de fuerzas especiales en territorio mexicano.")]
    [InlineData("La Marina y el ejército no aceptarán incursiones extranjeras.")]
    public void Score_SpanishMilitaryTerms_IsOnTopic(string statement)
    {
        Assert.True(Scorer.Score(statement, null, null, null).Relevance >= Threshold, statement);
    }

    [Fact]
    public void Score_SpanishTradeStatementInMilitaryArticle_IsOffTopic()
    {
        var previous = "El analista advirtió que una acción unilateral del ejército estadounidense sería un error.";

        var relevance = Scorer.Score("el acuerdo comercial con Washington sigue vigente", "La presidenta señaló que el acuerdo comercial sigue vigente.", previous, "México rechaza intervención militar");

        Assert.True(relevance.Relevance < Threshold, relevance.Relevance.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Score_StatementPointingBackToMilitaryParagraph_UsesThatContext()
    {
        var previous = "A military offensive against the cartels could devastate relations, one analyst said.";

        var leaning = Scorer.Score("it would be a misdiagnosis of these markets", "", previous, null);
        var standalone = Scorer.Score("the number of clashes in Sinaloa doubled this year", "", previous, null);

        Assert.True(leaning.Relevance >= Threshold);
        Assert.True(standalone.Relevance < Threshold);
    }
}
