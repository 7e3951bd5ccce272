using Alerts.Analysis;

namespace Alerts.Tests.Analysis;

/// <summary>A quotation standing as its own paragraph carries on from the speaker before, with the full stop after the
/// closing mark as Spanish writes it; groups named by what they are to someone speak for themselves; perfect tenses
/// of speech verbs are the speaker's.</summary>
public sealed class SpeakerContinuationTests
{
    private static readonly StatementExtractor Extractor = new();

    private static IReadOnlyList<ExtractedStatement> Extract(params string[] paragraphs)
        => Extractor.Extract(string.Join("\n\n", paragraphs));

    [Fact]
    public void Extract_QuoteParagraphEndingWithFullStopAfterTheMark_CarriesOnFromTheSpeakerBefore()
    {
        var statements = Extract(
            "“Hemos recibido muchas ofertas de ayuda con soldados extranjeros en el país”, apuntó la gobernadora Irma Salas.",
            "“Y siempre hemos dicho que no - recalcó - porque somos un estado libre y soberano”.");

        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Equal("Irma Salas", s.Speaker.Name));
        Assert.StartsWith("Y siempre hemos dicho que no", statements[1].Text);
    }

    [Theory]
    [InlineData("Pero familiares de las víctimas han pedido al gobierno vecino que declare terroristas a los cárteles.", "familiares de las víctimas")]
    [InlineData("Families of the victims said the cartels should be named terrorist groups.", "Families of the victims")]
    public void Extract_GroupNamedByItsRelation_IsAnAnonymousSpeaker(string sentence, string speaker)
    {
        var statement = Assert.Single(Extract(sentence));

        Assert.Equal(speaker, statement.Speaker.Name);
        Assert.Equal(SpeakerKind.AnonymousSource, statement.Speaker.Kind);
    }

    [Fact]
    public void Extract_PerfectTenseSpeechVerb_IsTheSpeakersNotTheReportedActors()
    {
        var statement = Assert.Single(Extract(
            "En varias ocasiones, la gobernadora Irma Salas ha confirmado que el presidente vecino le ha ofrecido soldados para enfrentar a los cárteles."));

        Assert.Equal("Irma Salas", statement.Speaker.Name);
    }
}
