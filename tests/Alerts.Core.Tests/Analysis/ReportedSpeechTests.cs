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
}
