using Alerts.Analysis;

namespace Alerts.Tests.Analysis;

public sealed class StatementExtractorTests
{
    private static readonly StatementExtractor Extractor = new();

    private static IReadOnlyList<ExtractedStatement> Extract(params string[] paragraphs)
        => Extractor.Extract(string.Join("\n\n", paragraphs));

    [Fact]
    public void Extract_StraightQuoteBeforeAttribution_AssignsSpeakerFromEarlierFullName()
    {
        var statements = Extract("Governor Lena Hart toured the dam.", "\"We will rebuild the bridge,\" Hart said.");

        var statement = Assert.Single(statements);
        Assert.Equal(new Speaker("Lena Hart", "Governor", SpeakerKind.Person), statement.Speaker);
        Assert.Equal("We will rebuild the bridge", statement.Text);
        Assert.Equal(StatementKind.Direct, statement.Kind);
    }

    [Fact]
    public void Extract_CurlyQuoteWithInvertedAttribution_ReadsTitleAndName()
    {
        var statement = Assert.Single(Extract("\u201CThe border stays closed,\u201D said Interior Minister Tomas Varga."));

        Assert.Equal("Tomas Varga", statement.Speaker.Name);
        Assert.Equal("Interior Minister", statement.Speaker.Role);
    }

    [Fact]
    public void Extract_QuoteSplitAroundAttribution_JoinsPartsIntoOneStatement()
    {
        var text = "\u201CThe plan is ready,\u201D Minister Tomas Varga said on Monday. \u201CWe start at dawn.\u201D";

        var statement = Assert.Single(Extractor.Extract(text));
        Assert.Equal("The plan is ready. We start at dawn.", statement.Text);
        Assert.Equal(text.IndexOf("The plan", StringComparison.Ordinal), statement.Offset);
        Assert.Equal(text.IndexOf("dawn.", StringComparison.Ordinal) + 5, statement.Offset + statement.Length);
    }

    [Fact]
    public void Extract_QuoteContinuingOverParagraphs_IsOneStatement()
    {
        var statements = Extract(
            "\u201CWe have waited long enough for the ministry to act.",
            "\u201CNow the province will act alone,\u201D said Mayor Ruth Olsen.");

        var statement = Assert.Single(statements);
        Assert.Equal("Ruth Olsen", statement.Speaker.Name);
        Assert.Contains("waited long enough", statement.Text, StringComparison.Ordinal);
        Assert.Contains("province will act alone", statement.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_UnattributedQuoteParagraph_BelongsToPreviousParagraphSpeaker()
    {
        var statements = Extract(
            "\u201CThe harbour is safe,\u201D Admiral Nora Falk said.",
            "\u201CNo ship will be turned away while I am in command.\u201D");

        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Equal("Nora Falk", s.Speaker.Name));
    }

    [Theory]
    [InlineData("The so-called \"peace dividend\" never arrived in the valley.")]
    [InlineData("\u201CNight Train to Lisbon\u201D opened in cinemas on Friday.")]
    public void Extract_ScareQuotesAndTitles_AreDropped(string text)
    {
        Assert.Empty(Extractor.Extract(text));
    }

    [Fact]
    public void Extract_PartialQuoteInsideSentence_StaysInIndirectStatement()
    {
        var statement = Assert.Single(Extract("Senator Paul Brandt called the deal a \u201Cdangerous gamble\u201D for the whole region."));

        Assert.Equal("Paul Brandt", statement.Speaker.Name);
        Assert.Equal(StatementKind.Indirect, statement.Kind);
        Assert.Equal("the deal a \u201Cdangerous gamble\u201D for the whole region", statement.Text);
    }

    [Fact]
    public void Extract_QuoteEndingClauseBeforeAttribution_KeepsWholeClause()
    {
        var statement = Assert.Single(Extract("Any deployment of foreign soldiers is \u201Cout of the question,\u201D President Ines Moreau of Veridia told reporters on Friday."));

        Assert.Equal("Ines Moreau", statement.Speaker.Name);
        Assert.Equal("Any deployment of foreign soldiers is \u201Cout of the question\u201D", statement.Text);
    }

    [Fact]
    public void Extract_SaidOnDayThat_ReturnsReportedClause()
    {
        var statement = Assert.Single(Extract("Foreign Minister Alma Ruiz said on Tuesday that the talks would resume next week."));

        Assert.Equal(StatementKind.Indirect, statement.Kind);
        Assert.Equal("the talks would resume next week", statement.Text);
        Assert.Equal("Foreign Minister", statement.Speaker.Role);
    }

    [Fact]
    public void Extract_SaidWithoutThat_SkipsTimeAdjunct()
    {
        var statement = Assert.Single(Extract("Defense Secretary Victor Lang said on Thursday the base would stay open."));

        Assert.Equal("the base would stay open", statement.Text);
    }

    [Fact]
    public void Extract_MediaReport_IsReportByMedia()
    {
        var statement = Assert.Single(Extract("The Harbor Times reported on Friday that the army had moved two brigades."));

        Assert.Equal(StatementKind.Report, statement.Kind);
        Assert.Equal(new Speaker("Harbor Times", null, SpeakerKind.Media), statement.Speaker);
        Assert.Equal("the army had moved two brigades", statement.Text);
    }

    [Fact]
    public void Extract_ShortMediaNameLater_ResolvesToFullMediaName()
    {
        var statements = Extract(
            "The plan was approved in May, according to a report from the Harbor Times.",
            "The Times noted that the vote was close.");

        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Equal("Harbor Times", s.Speaker.Name));
    }

    [Fact]
    public void Extract_AccordingToAppositive_NamesPersonAndRole()
    {
        var statement = Assert.Single(Extract("The convoy left at dawn, according to the interior minister, Jonas Pike, who spoke in the capital."));

        Assert.Equal(new Speaker("Jonas Pike", "interior minister", SpeakerKind.Person), statement.Speaker);
        Assert.Equal("The convoy left at dawn", statement.Text);
    }

    [Theory]
    [InlineData("A senior defense official said the drills would continue all week.", "A senior defense official")]
    [InlineData("A second official, speaking on condition of anonymity, said the drills would continue.", "A second official")]
    [InlineData("The drills will continue through the week, two diplomats said.", "two diplomats")]
    public void Extract_UnnamedSource_IsAnonymousSourceNamedByPhrase(string text, string phrase)
    {
        var statement = Assert.Single(Extract(text));

        Assert.Equal(SpeakerKind.AnonymousSource, statement.Speaker.Kind);
        Assert.Equal(phrase, statement.Speaker.Name);
    }

    [Theory]
    [InlineData("The Foreign Ministry said it would summon the ambassador.", "Foreign Ministry")]
    [InlineData("The White House did not comment on the plan but reiterated that no decision had been made.", "White House")]
    public void Extract_Organization_IsOrganizationSpeaker(string text, string name)
    {
        var statement = Assert.Single(Extract(text));

        Assert.Equal(new Speaker(name, null, SpeakerKind.Organization), statement.Speaker);
    }

    [Fact]
    public void Extract_HonorificAndPronoun_ResolveToEarlierFullMention()
    {
        var statements = Extract(
            "Prime Minister Clara Voss met the envoy on Sunday.",
            "\u201CWe are ready for talks,\u201D she told reporters.",
            "Ms. Voss added that the talks would be held in public.");

        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Equal(new Speaker("Clara Voss", "Prime Minister", SpeakerKind.Person), s.Speaker));
    }

    [Fact]
    public void Extract_He_ResolvesToNearestMalePerson()
    {
        var statements = Extract(
            "Senator Linda Price visited the base. General Omar Castell met her there.",
            "\u201CEvery step is lawful,\u201D he said.");

        Assert.Equal("Omar Castell", Assert.Single(statements).Speaker.Name);
    }

    [Fact]
    public void Extract_RoleOnlyMention_ResolvesToPersonIntroducedWithThatRole()
    {
        var statements = Extract(
            "The defense secretary, Victor Lang, visited the base.",
            "The defense secretary said the base would stay open for another decade.");

        Assert.Equal(new Speaker("Victor Lang", "defense secretary", SpeakerKind.Person), Assert.Single(statements).Speaker);
    }

    [Fact]
    public void Extract_AppositiveRoleAfterQuote_NamesPersonWithRole()
    {
        var statement = Assert.Single(Extract(
            "\u201CIt changes nothing for us,\u201D a researcher at the Institute for Border Studies, Marta Quiroga, said in a statement to the Herald."));

        Assert.Equal(new Speaker("Marta Quiroga", "researcher at the Institute for Border Studies", SpeakerKind.Person), statement.Speaker);
    }

    [Fact]
    public void Extract_ConfirmedButSaid_ReturnsWhatWasSaid()
    {
        var statement = Assert.Single(Extract("A police official confirmed the arrest but said the suspect had not been charged."));

        Assert.Equal("the suspect had not been charged", statement.Text);
    }

    [Fact]
    public void Extract_HasSaidPublicly_ResolvesPronounToPreviousPerson()
    {
        var statement = Assert.Single(Extract(
            "President Marcus Dale visited the port.",
            "He has said publicly the navy would patrol the coast."));

        Assert.Equal("Marcus Dale", statement.Speaker.Name);
        Assert.Equal("the navy would patrol the coast", statement.Text);
    }

    [Fact]
    public void Extract_SpanishGuillemetsWithSpanishVerb_AssignsSpeaker()
    {
        var statement = Assert.Single(Extract("\u00ABNo habr\u00E1 intervenci\u00F3n extranjera\u00BB, afirm\u00F3 la presidenta Elena Duarte."));

        Assert.Equal(new Speaker("Elena Duarte", "presidenta", SpeakerKind.Person), statement.Speaker);
        Assert.Equal("No habr\u00E1 intervenci\u00F3n extranjera", statement.Text);
    }

    [Fact]
    public void Extract_SpanishIndirectWithQue_ReturnsReportedClause()
    {
        var statement = Assert.Single(Extract("El canciller Ram\u00F3n Ortiz dijo que el pa\u00EDs no aceptar\u00E1 tropas extranjeras."));

        Assert.Equal("Ram\u00F3n Ortiz", statement.Speaker.Name);
        Assert.Equal("el pa\u00EDs no aceptar\u00E1 tropas extranjeras", statement.Text);
    }

    [Fact]
    public void Extract_SpanishQuoteWithoutSubject_BelongsToPersonJustMentioned()
    {
        var statement = Assert.Single(Extract(
            "La secretaria Ana Lira habl\u00F3 con la prensa en la capital.",
            "\u201CVamos a defender la soberan\u00EDa\u201D, asegur\u00F3."));

        Assert.Equal("Ana Lira", statement.Speaker.Name);
    }

    [Fact]
    public void Extract_SpanishSegun_AttributesClause()
    {
        var statement = Assert.Single(Extract("Seg\u00FAn el ministro Luis Pardo, la frontera seguir\u00E1 abierta."));

        Assert.Equal("Luis Pardo", statement.Speaker.Name);
        Assert.Equal("la frontera seguir\u00E1 abierta", statement.Text);
    }

    [Fact]
    public void Extract_ColonLeadAttribution_AssignsSpeaker()
    {
        var statement = Assert.Single(Extract("Mayor Ruth Olsen said: \u201CThe shelters are open to everyone tonight.\u201D"));

        Assert.Equal("Ruth Olsen", statement.Speaker.Name);
        Assert.Equal("The shelters are open to everyone tonight.", statement.Text);
    }

    [Fact]
    public void Extract_WeakVerbWithPlainObject_IsNotAStatement()
    {
        Assert.Empty(Extract("In July, the agency added the Northern Front to its list of banned groups."));
    }

    [Fact]
    public void Extract_SpanishGuillemetsWithTitle_ResolvesMandatariaToPresidenta()
    {
        var statements = Extract(
            "La presidenta Lucía Ortega afirmó este lunes que el país no aceptará tropas extranjeras.",
            "\u00ABCon la soberanía no se negocia\u00BB, dijo la mandataria en Palacio Nacional.");

        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Equal("Lucía Ortega", s.Speaker.Name));
        Assert.Equal("el país no aceptará tropas extranjeras", statements[0].Text);
        Assert.Equal(StatementKind.Indirect, statements[0].Kind);
        Assert.Equal("Con la soberanía no se negocia", statements[1].Text);
    }

    [Theory]
    [InlineData("Según el canciller Juan Ramón de la Fuente, el gobierno pidió aclaraciones por escrito.")]
    [InlineData("De acuerdo con el canciller Juan Ramón de la Fuente, el gobierno pidió aclaraciones por escrito.")]
    public void Extract_SpanishAccordingTo_KeepsParticlesInTheName(string sentence)
    {
        var statement = Assert.Single(Extract(sentence));

        Assert.Equal("Juan Ramón de la Fuente", statement.Speaker.Name);
        Assert.Equal("el gobierno pidió aclaraciones por escrito", statement.Text);
    }

    [Fact]
    public void Extract_SpanishSubjectlessVerb_ContinuesLastSpeaker()
    {
        var statements = Extract("\u201CNo habrá operaciones conjuntas\u201D, indicó el general Ricardo Trevilla. Agregó que la frontera seguirá vigilada.");

        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Equal("Ricardo Trevilla", s.Speaker.Name));
        Assert.Equal("la frontera seguirá vigilada", statements[1].Text);
    }

    [Fact]
    public void Extract_TailAttributionWithAppositiveName_NamesThePerson()
    {
        var statement = Assert.Single(Extract("\u201CLos cárteles son organizaciones terroristas\u201D, afirmó la vocera de la Casa Blanca, Karoline Leavitt."));

        Assert.Equal(new Speaker("Karoline Leavitt", "vocera de la Casa Blanca", SpeakerKind.Person), statement.Speaker);
    }

    [Fact]
    public void Extract_PossessiveAppositiveRole_NamesThePersonOnLaterSurnameOnlyQuotes()
    {
        var statement = Assert.Single(Extract(
            "Mexico\u2019s foreign minister, Rodrigo Salazar, answered within hours.",
            "\u201CMexico will not accept foreign troops on its territory under any circumstances,\u201D Salazar said."));

        Assert.Equal("Rodrigo Salazar", statement.Speaker.Name);
        Assert.Equal("foreign minister", statement.Speaker.Role, ignoreCase: true);
    }

    [Fact]
    public void Extract_WhatSheHadToldReporters_IsNotAStatement()
    {
        var statements = Extract(
            "Defense Secretary Helen Marsh, testifying before the committee, repeated what she had told reporters a day earlier.");

        Assert.Empty(statements);
    }

    [Fact]
    public void Extract_AppositiveDescription_NamesThePersonWithRole()
    {
        var statement = Assert.Single(Extract("Rodrigo Salazar, a former Mexican intelligence official, said the strikes would backfire badly."));

        Assert.Equal("Rodrigo Salazar", statement.Speaker.Name);
        Assert.Equal("former Mexican intelligence official", statement.Speaker.Role);
        Assert.Equal("the strikes would backfire badly", statement.Text);
    }

    [Theory]
    [InlineData("Hegseth told reporters.")]
    [InlineData("Pete Hegseth told reporters traveling with him in Panama.")]
    [InlineData("The State Department warned U.S. citizens against travel to six states.")]
    public void Extract_ListenerOrCircumstancesOnly_IsNoStatement(string sentence)
    {
        Assert.Empty(Extract("Defense Secretary Pete Hegseth visited the base.", sentence));
    }

    [Fact]
    public void Extract_TheOfficialAfterAnonymousOfficial_IsTheSameSource()
    {
        var statements = Extract(
            "Rodrigo Salazar, a former intelligence official, said the raids would fail.",
            "A U.S. official, speaking on condition of anonymity, said planning was at an early stage.",
            "\"This is not a decision that has been made,\" the official said.");

        Assert.Equal(["Rodrigo Salazar", "A U.S. official", "A U.S. official"], statements.Select(s => s.Speaker.Name));
        Assert.Equal(SpeakerKind.AnonymousSource, statements[2].Speaker.Kind);
    }

    [Fact]
    public void Extract_RoleInOtherWordOrder_ResolvesToEarlierFullMention()
    {
        var statements = Extract(
            "U.S. Defense Secretary Pete Hegseth said drone strikes remain an option.",
            "Asked about tariffs, the secretary of defense said trade was not his department.");

        Assert.Equal(2, statements.Count);
        Assert.Equal("Pete Hegseth", statements[1].Speaker.Name);
    }

    [Fact]
    public void Extract_PronounAfterFullName_ResolvesToPreviousSubject()
    {
        var statements = Extract("Senator Ruben Gallego visited the border on Monday.", "He said the troops should stay home.");

        Assert.Equal("Ruben Gallego", Assert.Single(statements).Speaker.Name);
    }

    [Fact]
    public void Extract_HeadlineFullName_SeedsSurnameInText()
    {
        var statement = Assert.Single(Extractor.Extract("Sheinbaum said on Friday that troops would not enter.", "Claudia Sheinbaum Answers Washington"));

        Assert.Equal("Claudia Sheinbaum", statement.Speaker.Name);
    }

    [Fact]
    public void Extract_ColonThenQuoteParagraphs_AttributesMultiParagraphQuote()
    {
        var statements = Extract(
            "Security analyst Vanda Ruiz said in an interview:",
            "\"Strikes on cartel leaders have been tried before.",
            "\"They fragment the groups and the violence gets worse.\"");

        var statement = Assert.Single(statements);
        Assert.Equal("Vanda Ruiz", statement.Speaker.Name);
        Assert.Contains("violence gets worse", statement.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_StraightSingleQuotesOpeningParagraph_AreAQuotation()
    {
        var statements = Extract("Senator Ruben Gallego spoke first.", "'We need Mexico as a partner, not as a target,' Gallego added.");

        Assert.Equal("We need Mexico as a partner, not as a target", Assert.Single(statements).Text);
    }

    [Fact]
    public void Extract_MediaNounBeforeOutlet_IsAReport()
    {
        var statement = Assert.Single(Extract("Según el diario El Universal, la Marina detectó vuelos de drones sobre el Golfo."));

        Assert.Equal(new Speaker("El Universal", null, SpeakerKind.Media), statement.Speaker);
        Assert.Equal(StatementKind.Report, statement.Kind);
    }

    [Fact]
    public void Extract_SaidInAStatementTo_TakesTheClauseAfterThat()
    {
        var statement = Assert.Single(Extract("The Pentagon said in a statement to CNN that it does not comment on future operations."));

        Assert.Equal(new Speaker("Pentagon", null, SpeakerKind.Organization), statement.Speaker);
        Assert.Equal("it does not comment on future operations", statement.Text);
    }

    [Fact]
    public void Extract_SubjectWithLongRelativeClause_IsThePhraseBeforeIt()
    {
        var statements = Extract(
            "A U.S. official said strikes were possible.",
            "The official, who spoke on condition of anonymity because he was not authorized to speak publicly, said the drones were armed.");

        Assert.Equal(2, statements.Count);
        Assert.Equal("A U.S. official", statements[1].Speaker.Name);
        Assert.Equal("the drones were armed", statements[1].Text);
    }

    [Theory]
    [InlineData("Hegseth told The Associated Press that the Navy would patrol the coast.", "the Navy would patrol the coast")]
    [InlineData("Pete Hegseth told a Senate panel that the Navy would patrol the coast.", "the Navy would patrol the coast")]
    [InlineData("El senador Tom Cotton declaró a Fox News que la Marina patrullará la costa.", "la Marina patrullará la costa")]
    public void Extract_ListenerBeforeThat_StartsAfterThat(string sentence, string expected)
    {
        Assert.Equal(expected, Assert.Single(Extract("Defense Secretary Pete Hegseth spoke first.", sentence)).Text);
    }

    [Fact]
    public void Extract_SpokespersonForOrganisation_IsAnUnnamedSourceTheLaterMentionReturnsTo()
    {
        var statements = Extract(
            "A spokesperson for Mexico's Defense Ministry said the armed forces had not been notified.",
            "Officials at the Department of Homeland Security said crossings fell in the spring.",
            "\"There has been no request for U.S. troops,\" the spokesperson added.");

        Assert.Equal(3, statements.Count);
        Assert.Equal(new Speaker("A spokesperson for Mexico's Defense Ministry", null, SpeakerKind.AnonymousSource), statements[0].Speaker);
        Assert.Equal(SpeakerKind.AnonymousSource, statements[1].Speaker.Kind);
        Assert.Equal(statements[0].Speaker, statements[2].Speaker);
    }

    [Fact]
    public void Extract_SpanishDialogueDashes_JoinsBothPartsForTheSpeaker()
    {
        var statements = Extract(
            "La senadora Lilly Téllez habló con la prensa.",
            "\u2014Los cárteles son el verdadero enemigo \u2014afirmó Téllez en su cuenta de X\u2014. No Estados Unidos.");

        var statement = Assert.Single(statements);
        Assert.Equal("Lilly Téllez", statement.Speaker.Name);
        Assert.Equal("Los cárteles son el verdadero enemigo. No Estados Unidos.", statement.Text);
    }

    [Fact]
    public void Extract_RoleWithNoNameInArticle_IsTheSpeakerByRole()
    {
        var statement = Assert.Single(Extract("El secretario de la Defensa Nacional afirmó que las tropas extranjeras no entrarán."));

        Assert.Equal("secretario de la Defensa Nacional", statement.Speaker.Name);
        Assert.Equal(SpeakerKind.Person, statement.Speaker.Kind);
    }

    [Fact]
    public void Extract_RespondedToSomething_IsNoStatement()
    {
        Assert.Empty(Extract("La presidenta Claudia Sheinbaum respondió este martes a las declaraciones del presidente estadounidense."));
    }

    [Theory]
    [InlineData("The group, which the State Department says is a terrorist organization, operates in Sinaloa.")]
    [InlineData("The so-called cartel czar is said to be close to the president.")]
    [InlineData("The Pentagon declined to comment.")]
    [InlineData("Rubio did not say when the strikes would begin.")]
    public void Extract_SpeechVerbWithoutAStatement_FindsNothing(string sentence)
    {
        Assert.Empty(Extract("Secretary of State Marco Rubio spoke on Monday.", sentence));
    }

    [Fact]
    public void Extract_ParticipleAfterClause_IsAStatementOfTheSubject()
    {
        var statements = Extract("President Donald Trump has repeatedly threatened to send troops, saying the cartels run Mexico.");

        Assert.All(statements, s => Assert.Equal("Donald Trump", s.Speaker.Name));
        Assert.Equal(["threatened to send troops", "the cartels run Mexico"], statements.Select(s => s.Text));
    }

    [Fact]
    public void Extract_AddingThatAfterQuoteAttribution_IsASecondStatementOfTheSameSpeaker()
    {
        var statements = Extract(
            "Mexican President Claudia Sheinbaum spoke on Monday.",
            "\u201CThere will be no invasion,\u201D Sheinbaum said during her daily briefing, adding that Mexico would defend itself.");

        Assert.Equal(["There will be no invasion", "Mexico would defend itself"], statements.Select(s => s.Text));
        Assert.All(statements, s => Assert.Equal("Claudia Sheinbaum", s.Speaker.Name));
        Assert.Equal(StatementKind.Indirect, statements[1].Kind);
    }
}
