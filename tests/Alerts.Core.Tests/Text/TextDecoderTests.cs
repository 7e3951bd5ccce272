using System.Text;
using Alerts.Text;

namespace Alerts.Tests.Text;

public sealed class TextDecoderTests
{
    private static readonly Encoding Windows1252;

    static TextDecoderTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252);
    }

    [Fact]
    public void Decode_CharsetInHeader_UsesIt()
    {
        var bytes = Windows1252.GetBytes("Caf\u00e9 \u201Cquoted\u201D");

        Assert.Equal("Caf\u00e9 \u201Cquoted\u201D", TextDecoder.Decode(bytes, "text/html; charset=windows-1252"));
    }

    [Fact]
    public void Decode_Iso88591Label_DecodesAsWindows1252LikeBrowsers()
    {
        byte[] bytes = [0x93, 0x68, 0x69, 0x94];

        Assert.Equal("\u201Chi\u201D", TextDecoder.Decode(bytes, "text/xml; charset=\"ISO-8859-1\""));
    }

    [Fact]
    public void Decode_Iso88592_DecodesCentralEuropeanLetters()
    {
        var bytes = Encoding.GetEncoding("iso-8859-2").GetBytes("Zażółć gęślą jaźń");

        Assert.Equal("Zażółć gęślą jaźń", TextDecoder.Decode(bytes, "text/plain; charset=iso-8859-2"));
    }

    [Fact]
    public void Decode_Utf8Bom_StripsBomAndDecodes()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("h\u00e9")];

        Assert.Equal("h\u00e9", TextDecoder.Decode(bytes, null));
    }

    [Fact]
    public void Decode_Utf16BomWithWrongHeader_BomWins()
    {
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("<rss/>")];

        Assert.Equal("<rss/>", TextDecoder.Decode(bytes, "text/xml; charset=utf-8"));
    }

    [Fact]
    public void Decode_XmlDeclaration_UsedWithoutHeaderCharset()
    {
        var bytes = Windows1252.GetBytes("<?xml version=\"1.0\" encoding=\"windows-1252\"?><t>\u00e9t\u00e9</t>");

        Assert.EndsWith("<t>\u00e9t\u00e9</t>", TextDecoder.Decode(bytes, "application/xml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_XmlDeclarationClaimingUtf16InAsciiBytes_IsIgnored()
    {
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-16\"?><t>\u00e9</t>");

        Assert.EndsWith("<t>\u00e9</t>", TextDecoder.Decode(bytes, null), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><head><meta charset=\"windows-1252\"></head><body>\u00e9l\u00e8ve</body></html>")]
    [InlineData("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body>\u00e9l\u00e8ve</body></html>")]
    public void Decode_HtmlMetaCharset_UsedWithoutHeaderCharset(string html)
    {
        Assert.Contains("\u00e9l\u00e8ve", TextDecoder.Decode(Windows1252.GetBytes(html), "text/html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_NoLabelsAndValidUtf8_DecodesUtf8()
    {
        Assert.Equal("na\u00efve \u20ac", TextDecoder.Decode(Encoding.UTF8.GetBytes("na\u00efve \u20ac"), null));
    }

    [Fact]
    public void Decode_NoLabelsAndWindows1252Text_DetectsIt()
    {
        var text = "Le caf\u00e9 de la gare a ferm\u00e9 ses portes apr\u00e8s quarante ann\u00e9es; les habitu\u00e9s regrettent d\u00e9j\u00e0 l'\u00e9poque o\u00f9 l'on s'y retrouvait chaque matin pour d\u00e9battre.";

        Assert.Equal(text, TextDecoder.Decode(Windows1252.GetBytes(text), null));
    }

    [Fact]
    public void Decode_UnknownCharsetName_FallsBackSafely()
    {
        Assert.Equal("plain \u00e9", TextDecoder.Decode(Encoding.UTF8.GetBytes("plain \u00e9"), "text/html; charset=x-no-such-thing"));
    }

    [Fact]
    public void Decode_MostlyValidUtf8WithAStrayByte_KeepsUtf8AndReplacesTheByte()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("caf\u00e9 a"), 0xFF, 0x62];

        var decoded = TextDecoder.Read(bytes, "text/plain; charset=utf-8");

        Assert.Equal(("caf\u00e9 a\uFFFDb", null), (decoded.Text, decoded.RepairedAs));
    }

    [Fact]
    public void Read_Windows1252BytesServedAsUtf8_DecodesThemAsWindows1252AndSaysSo()
    {
        var bytes = Windows1252.GetBytes("Subsecretaria In\u00e9s Ib\u00e1\u00f1ez \u201Cdijo\u201D");

        var decoded = TextDecoder.Read(bytes, "application/rss+xml; charset=utf-8");

        Assert.Equal(("Subsecretaria In\u00e9s Ib\u00e1\u00f1ez \u201Cdijo\u201D", "windows-1252"), (decoded.Text, decoded.RepairedAs));
    }

    [Fact]
    public void Read_PrologDeclaresLatin1WhileTheHeaderSaysUtf8_UsesTheProlog()
    {
        var bytes = Windows1252.GetBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>Ib\u00e1\u00f1ez</t>");

        var decoded = TextDecoder.Read(bytes, "text/xml; charset=utf-8");

        Assert.EndsWith("<t>Ib\u00e1\u00f1ez</t>", decoded.Text, StringComparison.Ordinal);
        Assert.Equal("windows-1252", decoded.RepairedAs);
    }

    [Fact]
    public void Read_ValidUtf8_IsUnchangedAndNotRepaired()
    {
        var decoded = TextDecoder.Read(Encoding.UTF8.GetBytes("In\u00e9s Ib\u00e1\u00f1ez \u20ac"), "text/html; charset=utf-8");

        Assert.Equal(("In\u00e9s Ib\u00e1\u00f1ez \u20ac", null), (decoded.Text, decoded.RepairedAs));
    }

    [Fact]
    public void Decode_Empty_ReturnsEmpty()
    {
        Assert.Equal("", TextDecoder.Decode([], null));
    }
}
