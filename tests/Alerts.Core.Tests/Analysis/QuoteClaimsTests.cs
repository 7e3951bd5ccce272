using Alerts.Analysis;

namespace Alerts.Tests.Analysis;

/// <summary>A quotation of several sentences: one statement per claim.</summary>
public sealed class QuoteClaimsTests
{
    private static readonly StatementExtractor Extractor = new();

    [Fact]
    public void Extract_QuoteOfDifferentClaims_GivesOneStatementEach()
    {
        var statements = Extractor.Extract(
            "\u201CMy bill lets the armed forces strike the smuggling networks directly. We cannot let those networks buy " +
            "weapons across our southern border. We will treat the gang leaders like any other foreign enemy,\u201D " +
            "Senator Ada Moreno said.");

        Assert.Equal(3, statements.Count);
        Assert.All(statements, s => Assert.Equal("Ada Moreno", s.Speaker.Name));
        Assert.StartsWith("My bill lets", statements[0].Text);
        Assert.StartsWith("We cannot let", statements[1].Text);
        Assert.StartsWith("We will treat", statements[2].Text);
    }

    [Fact]
    public void Extract_ShortSentenceAfterClaim_StaysWithIt()
    {
        var statement = Assert.Single(Extractor.Extract(
            "\u201CWe work together on intelligence, but no foreign soldier will patrol our towns. That is final.\u201D " +
            "Minister Ines Soto said."));

        Assert.EndsWith("That is final.", statement.Text);
    }

    [Fact]
    public void Extract_SentenceRepeatingTheOneBefore_StaysWithIt()
    {
        var statement = Assert.Single(Extractor.Extract(
            "\u00ABLa soberanía del país no se negocia con nadie. La soberanía del país se defiende siempre\u00BB, dijo la " +
            "gobernadora Irma Salas."));

        Assert.Contains("se defiende siempre", statement.Text);
    }

    [Fact]
    public void Extract_QuoteSplitAroundAttribution_EachPieceKeepsItsOffsetInTheText()
    {
        var text = "\u201CThe navy will not cross into our waters under any plan they draw up,\u201D Admiral Rui Paz said. " +
                   "\u201CAnd our coast guard keeps watching every single port along the gulf coast.\u201D";

        var statements = Extractor.Extract(text);

        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Equal(s.Text.TrimEnd('.'), text.Substring(s.Offset, s.Length).TrimEnd('.')));
    }
}
