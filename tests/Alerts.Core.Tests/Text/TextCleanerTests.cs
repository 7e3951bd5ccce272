using Alerts.Text;
using Alerts.Tests.Corpus;

namespace Alerts.Tests.Text;

public sealed class TextCleanerTests
{
    [Fact]
    public void Clean_Cp1252Mojibake_RestoresPunctuationAndAccents()
    {
        var cleaned = TextCleaner.Clean("Itâ€™s the mayorâ€™s â€œfinal offerâ€\u009D, said the cafÃ© owner â€” again.");

        Assert.Equal("It\u2019s the mayor\u2019s \u201Cfinal offer\u201D, said the caf\u00E9 owner \u2014 again.", cleaned);
    }

    [Fact]
    public void Clean_Utf8ReadAsCentralEuropean_RestoresAccents()
    {
        Assert.Equal("Jos\u00E9 P\u00E9rez and Luc\u00EDa Ib\u00E1\u00F1ez", TextCleaner.Clean("JosĂ© PĂ©rez and LucĂ­a IbĂĄĂ±ez"));
    }

    [Fact]
    public void Clean_LoneLeadByte_BecomesQuotesAndApostrophesFromContext()
    {
        var cleaned = TextCleaner.Clean("\u00E2We canâ\u0000t wait,â the mayor said. âItâs over.â".Replace("\u0000", "", StringComparison.Ordinal));

        Assert.Equal("\u201CWe can\u2019t wait,\u201D the mayor said. \u201CIt\u2019s over.\u201D", cleaned);
    }

    [Fact]
    public void Clean_LoneLeadByteAfterPluralInsideQuote_IsPossessive()
    {
        var cleaned = TextCleaner.Clean("The order aims âto end the gangsâ hold on the port.â");

        Assert.Equal("The order aims \u201Cto end the gangs\u2019 hold on the port.\u201D", cleaned);
    }

    [Theory]
    [InlineData("El se\u00F1or Nicol\u00E1s dijo \u00ABs\u00ED\u00BB en Quer\u00E9taro.")]
    [InlineData("La p\u00E2te \u00E0 choux et l\u2019\u00E2me du ch\u00E2teau.")]
    [InlineData("\u00C2ngela and \u00C9milie met in S\u00E3o Paulo; \u201CHello,\u201D they said.")]
    [InlineData("Stra\u00DFe, \u00D1and\u00FA, \u0141\u00F3d\u017A and \u00C5se \u2014 all correct.")]
    public void Clean_CorrectText_IsUnchanged(string text)
    {
        Assert.Equal(text, TextCleaner.Clean(text));
    }

    [Fact]
    public void Clean_Whitespace_CollapsesSpacesAndSeparatesParagraphsWithOneBlankLine()
    {
        var cleaned = TextCleaner.Clean("  First\t line  here.\r\n\r\n\r\nSecond\u00A0\u00A0para.\nThird.\n");

        Assert.Equal("First line here.\n\nSecond para.\n\nThird.", cleaned);
    }

    [Theory]
    [InlineData("The post Storm hits coast appeared first on Daily Wave.")]
    [InlineData("Enjoy this? Sign up for our newsletter and never miss a story.")]
    [InlineData("Share this article")]
    [InlineData("Click here to subscribe")]
    [InlineData("Suscríbete a nuestro boletín")]
    public void Clean_BoilerplateLine_IsRemoved(string boilerplate)
    {
        Assert.Equal("The council met.\n\nIt voted.", TextCleaner.Clean($"The council met.\n{boilerplate}\nIt voted."));
    }

    [CorpusFact]
    public void Clean_DamagedCorpusArticle_RepairsNamesQuotesAndApostrophes()
    {
        var cleaned = TextCleaner.Clean(Corpus.Corpus.Read("001_b715ec96f83f7d48.txt"));

        Assert.Contains("Farf\u00E1n-M\u00E9ndez", cleaned, StringComparison.Ordinal);
        Assert.Contains("\u201Cabsolutely off the table,\u201D", cleaned, StringComparison.Ordinal);
        Assert.Contains("can\u2019t", cleaned, StringComparison.Ordinal);
        Assert.Contains("It\u2019s", cleaned, StringComparison.Ordinal);
        Assert.DoesNotContain("\u00E2", cleaned, StringComparison.Ordinal);
    }
}
