using Alerts.Analysis;

namespace Alerts.Tests.Analysis;

/// <summary>Indirect speech: verbs whose object is the statement, clitics, relative clauses, "al decir que", inserted
/// attributions and "según su versión".</summary>
public sealed class ReportedSpeechTests
{
    private static readonly StatementExtractor Extractor = new();

    private static IReadOnlyList<ExtractedStatement> Extract(params string[] paragraphs)
        => Extractor.Extract(string.Join("\n\n", paragraphs));

    [Theory]
    [InlineData("Foreign Minister Pablo Ibarra rejected any foreign military presence on national soil.", "rejected any foreign military presence on national soil")]
    [InlineData("El canciller Pablo Ibarra rechazó en redes sociales cualquier presencia militar extranjera.", "rechazó en redes sociales cualquier presencia militar extranjera")]
    [InlineData("Senator Lia Grant ruled out sending ground troops.", "ruled out sending ground troops")]
    public void Extract_VerbWithObject_TheObjectIsTheStatement(string sentence, string expected)
    {
        var statement = Assert.Single(Extract(sentence));

        Assert.Equal(expected, statement.Text);
        Assert.Equal(StatementKind.Indirect, statement.Kind);
    }

    [Theory]
    [InlineData("La ministra Elena Solís aseguró que \"no hay nada que temer\" tras las declaraciones del senador en una entrevista.", "no hay nada que temer")]
    [InlineData("Minister Elena Solis said the plan was “not on the table” after the senator's remarks in a radio interview.", "the plan was “not on the table”")]
    public void Extract_QuotedWordsThenTheOccasion_TheQuoteClosesTheStatement(string sentence, string expected)
    {
        var statement = Assert.Single(Extract(sentence));

        Assert.Equal(expected, statement.Text.Trim('"'));
    }

    [Theory]
    [InlineData("Defense Minister Ana Ruiz offered a detailed account of how the navy tracked the boat to the coast.")]
    [InlineData("La ministra de Defensa, Ana Ruiz, ofreció detalles del operativo con el que la Marina siguió la lancha.")]
    public void Extract_OfferOfAnAccount_IsNarrationNotAStatement(string sentence)
        => Assert.Empty(Extract(sentence));

    [Fact]
    public void Extract_OfferOfAnAction_StaysAStatement()
        => Assert.Equal("offered to send navy ships to guard the coast", Assert.Single(Extract("Defense Minister Ana Ruiz offered to send navy ships to guard the coast.")).Text);

    [Fact]
    public void Extract_ObjectThenAnotherSpeaker_ReadsBoth()
    {
        var statements = Extract("President Dan Ortiz offered to send soldiers to help, an offer Governor Maya Rios said she had refused.");

        Assert.Equal(["Dan Ortiz", "Maya Rios"], statements.Select(s => s.Speaker.Name));
    }

    [Fact]
    public void Extract_CliticBeforeVerb_FindsTheSubject()
    {
        var statement = Assert.Single(Extract("A los ciudadanos, el presidente Tomás Aguirre les aseguró que no hay nada que temer."));

        Assert.Equal("Tomás Aguirre", statement.Speaker.Name);
        Assert.Equal("no hay nada que temer", statement.Text);
    }

    [Theory]
    [InlineData("La propuesta vino del senador Ron Vale, quien planteó que el ejército entre al país vecino.")]
    [InlineData("The plan came from Senator Ron Vale, who said the army should cross the border.")]
    public void Extract_RelativeClauseOnANamedPerson_IsThatPersonsStatement(string sentence)
    {
        var statement = Assert.Single(Extract(sentence));

        Assert.Equal("Ron Vale", statement.Speaker.Name);
    }

    [Fact]
    public void Extract_AlDecirQue_TheMainSubjectSpeaks()
    {
        var statement = Assert.Single(Extract("La gobernadora Irma Salas fue tajante al decir que ninguna tropa extranjera pisará el estado."));

        Assert.Equal("Irma Salas", statement.Speaker.Name);
        Assert.Equal("ninguna tropa extranjera pisará el estado", statement.Text);
    }

    [Fact]
    public void Extract_AttributionSetOffByCommas_GoesOnFromTheSpeakerInView()
    {
        var statements = Extract(
            "La gobernadora Irma Salas afirmó que el estado colabora con la federación.",
            "Tampoco, aseguró, \u201Caceptará patrullas extranjeras en sus carreteras\u201D.");

        Assert.Equal(2, statements.Count);
        Assert.Equal("Irma Salas", statements[1].Speaker.Name);
        Assert.Contains("patrullas extranjeras", statements[1].Text);
    }

    [Fact]
    public void Extract_SegunSuVersion_IsTheSpeakerInView()
    {
        var statements = Extract(
            "El senador Ron Vale habló con la prensa el lunes y dijo que el plan está listo.",
            "Según su versión, las bandas controlan ya la mitad de los puertos.");

        Assert.Equal(2, statements.Count);
        Assert.Equal("Ron Vale", statements[1].Speaker.Name);
        Assert.Equal("las bandas controlan ya la mitad de los puertos", statements[1].Text);
    }

    [Fact]
    public void Extract_ClauseThenVerbAndNamedSpeaker_IsThatSpeakersStatement()
    {
        var statements = Extract(
            "Las nuevas listas dan al vecino más razones para actuar en el país, afirmó la gobernadora Irma Salas, pero, " +
            "aclaró, eso no significa que vaya a pasar.");

        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Equal("Irma Salas", s.Speaker.Name));
        Assert.StartsWith("Las nuevas listas", statements[0].Text);
        Assert.Equal("eso no significa que vaya a pasar", statements[1].Text);
    }

    [Fact]
    public void Extract_SecondSpeechVerbJoinedByY_IsASecondStatementOfTheSameSpeaker()
    {
        var statements = Extract(
            "La gobernadora Ana Ruiz insistió en que la federación tiene que hacer su parte, y subrayó su rechazo a cualquier tropa extranjera.");

        Assert.Equal(["la federación tiene que hacer su parte", "su rechazo a cualquier tropa extranjera"], statements.Select(s => s.Text));
        Assert.All(statements, s => Assert.Equal("Ana Ruiz", s.Speaker.Name));
    }

    [Theory]
    [InlineData("VILLA NUEVA, ESTADO.-El gobernador Tomás Aguirre dijo que no habrá patrullas extranjeras.", "Tomás Aguirre")]
    [InlineData("Villa Nueva, 3 mar (Agencia).- La gobernadora Irma Salas dijo que no habrá patrullas extranjeras.", "Irma Salas")]
    [InlineData("PORT CITY (Wire) — Senator Lia Grant said the troops will stay home.", "Lia Grant")]
    public void Extract_WireDateline_IsNoPartOfTheSpeaker(string paragraph, string speaker)
    {
        Assert.Equal(speaker, Assert.Single(Extract(paragraph)).Speaker.Name);
    }

    [Fact]
    public void Extract_RoleNationalityName_GivesTheName()
    {
        var statement = Assert.Single(Extract("El canciller mexicano Pablo Ibarra dijo que no aceptará tropas extranjeras."));

        Assert.Equal("Pablo Ibarra", statement.Speaker.Name);
    }

    [Fact]
    public void Extract_StanceThenItsOccasion_KeepsOnlyTheStance()
    {
        var statement = Assert.Single(Extract("El gobernador Tomás Aguirre pidió \"diálogo sí, tropas no\" luego de que el senador Ron Vale propusiera una incursión."));

        Assert.Equal("Tomás Aguirre", statement.Speaker.Name);
        Assert.Equal("pidió \"diálogo sí, tropas no\"", statement.Text);
    }
}
