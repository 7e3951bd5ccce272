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

    [Theory]
    // A paragraph of quotation answers the passage before it.
    [InlineData("We will see what happens next week", "“We will see what happens next week,” the minister replied.", true)]
    // A phrase quoted as an aside inside narration answers only what that narration says.
    [InlineData("a day for families and friends",
        "Reporters pressed her on the subject at her morning briefing, but she would not be drawn on the eve of the national holiday, which is, she said, “a day for families and friends”.",
        false)]
    // A stance quoted inside narration may answer the passage before it.
    [InlineData("there is nothing to fear",
        "The minister told residents at the market on Friday that “there is nothing to fear” and went on to talk about the harvest and the fair.",
        true)]
    public void Score_StatementWithNoTopicWordsAfterAPassageAboutTheAction_IsOnTopicWhenItIsItsParagraphOrTakesAStance(
        string statement, string paragraph, bool onTopic)
    {
        const string before = "The minister called for cooperation, not intervention, after Washington said it would send troops against the cartels in Mexico.";
        var subject = Scorer.Subject("Mexico rejects any U.S. military intervention against cartels", before + "\n\n" + paragraph);

        var relevance = Scorer.Score(subject, statement, paragraph, before);

        Assert.Equal(onTopic, relevance.Relevance >= Threshold);
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
    // Names the place: military words alone ("incursiones extranjeras") no longer make a statement on topic.
    [InlineData("La Marina y el ejército no aceptarán incursiones extranjeras en territorio mexicano.")]
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

    // Two levels: the statement with its context, and the article's subject (title and lead). Fixtures in our own words.
    private static TopicRelevance InArticle(string title, string lead, string statement, string? paragraph = null, string? previous = null)
        => Scorer.Score(Scorer.Subject(title, lead), statement, paragraph ?? statement, previous);

    [Fact]
    public void Score_SovereigntyAnswerWithMexicoOnlyInHeadline_IsOnTopic()
    {
        var relevance = InArticle(
            "Mexican leader rejects Washington's talk of sending troops after the cartels",
            "The president answered questions at her daily briefing after U.S. lawmakers urged military strikes on cartel camps.",
            "Our sovereignty is not negotiable and never will be");

        Assert.True(relevance.Relevance >= Threshold, string.Join(",", relevance.Cues));
    }

    [Fact]
    public void Score_RefusalWhoseParagraphSpeaksOfUsTroopsInMexico_IsOnTopic()
    {
        var relevance = InArticle(
            "Governor speaks at border forum",
            "The forum gathered mayors from both sides of the river.",
            "we will not allow it",
            "Asked about a plan to station U.S. troops inside Mexico to hunt the cartels, the minister said: “we will not allow it.”");

        Assert.True(relevance.Relevance >= Threshold, string.Join(",", relevance.Cues));
    }

    [Fact]
    public void Score_SpanishAnswersInArticleAboutIntervention_AreOnTopic()
    {
        var subject = Scorer.Subject(
            "La presidenta rechaza un ataque de Estados Unidos contra los cárteles en México",
            "La mandataria respondió en su conferencia a la propuesta de legisladores estadounidenses de enviar drones.");

        Assert.True(Scorer.Score(subject, "cooperación sí, subordinación no", "cooperación sí, subordinación no", null).Relevance >= Threshold);
        Assert.True(Scorer.Score(subject, "eso no lo vamos a aceptar nunca", "“eso no lo vamos a aceptar nunca”, dijo.", null).Relevance >= Threshold);
        Assert.True(Scorer.Score(subject, "no permitiremos tropas extranjeras en nuestro territorio", "", null).Relevance >= Threshold);
    }

    [Theory]
    [InlineData("Minister hails new tariff deal with Washington", "Mexico agreed to move troops to the border as part of the tariff deal, the minister said.", "Mexico will send 5,000 soldiers to the border")]
    [InlineData("Mexico hands over 20 cartel bosses to U.S. prosecutors", "The extradition of the cartel bosses to Texas came as tariffs loomed over Mexican exports.", "They will be prosecuted in U.S. courts for cartel crimes")]
    [InlineData("U.S. Navy strikes boat off Venezuela", "The U.S. military said its strike killed six alleged narco-terrorists aboard a vessel near the Venezuelan coast.", "The strike killed six narco-terrorists and no U.S. forces were hurt")]
    [InlineData("Pentagon hits narco camp in Ecuador", "U.S. forces carried out a drone strike on a narco-terrorist camp in Ecuador, Southern Command said.", "We are bombing the terrorists on land too")]
    [InlineData("Defense chief tells officers to move with urgency", "The secretary told generals that troops, drones and missiles must be ready for any war.", "Our troops will be ready with drones and missiles")]
    [InlineData("President sends National Guard into Chicago", "The president ordered National Guard troops into Chicago and other U.S. cities to fight gangs.", "Troops will restore order against the gangs in Chicago")]
    [InlineData("Gabinete presenta plan de seguridad para Michoacán", "El Gobierno de México desplegará diez mil elementos del Ejército y la Guardia Nacional en Michoacán.", "Las fuerzas armadas vigilarán todos los municipios de Michoacán")]
    [InlineData("México responde a los aranceles con represalias comerciales", "La presidenta anunció aranceles a productos de Estados Unidos y defendió la soberanía económica.", "Defenderemos nuestra soberanía con aranceles a sus productos")]
    public void Score_ArticleAboutSomethingElse_GivesNoOnTopicStatement(string title, string lead, string statement)
    {
        var relevance = InArticle(title, lead, statement, lead);

        Assert.True(relevance.Relevance < Threshold, string.Join(",", relevance.Cues));
    }

    [Theory]
    [InlineData("We will put new tariffs on their steel next month")]
    [InlineData("Migrants who cross illegally will be deported right away")]
    [InlineData("Los detenidos serán extraditados a Estados Unidos la próxima semana")]
    [InlineData("Seventy percent of the guns come from our side of the border")]
    public void Score_TradeMigrationExtraditionOrStatisticsInsideTroopsArticle_IsOffTopic(string statement)
    {
        var relevance = InArticle(
            "President weighs sending U.S. troops into Mexico against the cartels",
            "Officials said the Pentagon had drawn up plans for strikes on cartel targets in Mexico.",
            statement);

        Assert.True(relevance.Relevance < Threshold, string.Join(",", relevance.Cues));
    }

    [Fact]
    public void Score_SovereigntyAboutVenezuelaInMexicanArticle_IsOffTopic()
    {
        var relevance = InArticle(
            "La presidenta rechaza la intervención de Estados Unidos en Venezuela",
            "La mandataria condenó el ataque contra Caracas y la captura del presidente venezolano.",
            "la soberanía de Venezuela debe respetarse y nadie puede intervenir allí",
            "Dijo que la soberanía de Venezuela debe respetarse y nadie puede intervenir allí.");

        Assert.True(relevance.Relevance < Threshold, string.Join(",", relevance.Cues));
    }

    [Fact]
    public void Subject_TitleAndLead_SaysWhatTheArticleIsAbout()
    {
        Assert.True(Scorer.Subject("Senators urge U.S. strikes on Mexican cartels", "The bill would authorize military force.").OnTopic);
        Assert.True(Scorer.Subject("Mexico promises retaliatory tariffs", "The president said tariffs on U.S. goods would follow a trade dispute.").Excluded);
        Assert.True(Scorer.Subject("U.S. strikes a boat off Venezuela", "The strike in the Caribbean killed five people.").Elsewhere);
        Assert.False(Scorer.Subject(null, null).IsKnown);
    }
}
