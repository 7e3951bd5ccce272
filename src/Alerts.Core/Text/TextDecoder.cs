using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using UtfUnknown;

namespace Alerts.Text;

/// <summary>
/// Turns response bytes into text. The charset comes from the first source that names one: a byte order mark,
/// the Content-Type header, the XML declaration, the HTML meta tag, statistical detection; UTF-8 otherwise.
/// Invalid bytes become U+FFFD instead of failing.
/// </summary>
public static partial class TextDecoder
{
    private const int PrescanBytes = 4096;
    private const int DetectionBytes = 64 * 1024;

    private static readonly Encoding Utf8Lenient = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> bytes, string? contentTypeHeader)
    {
        // A BOM beats the header: the bytes cannot lie about themselves, while servers often send a stock charset.
        var (encoding, bomLength) = FromByteOrderMark(bytes);
        encoding ??= FromContentType(contentTypeHeader)
            ?? FromXmlDeclaration(bytes)
            ?? FromHtmlMeta(bytes)
            ?? Detect(bytes)
            ?? Utf8Lenient;
        return encoding.GetString(bytes[bomLength..]);
    }

    /// <summary>The charset parameter of a Content-Type header value, or null.</summary>
    public static string? CharsetOf(string? contentTypeHeader)
    {
        if (string.IsNullOrWhiteSpace(contentTypeHeader))
        {
            return null;
        }
        var match = CharsetParameter().Match(contentTypeHeader);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static (Encoding? Encoding, int BomLength) FromByteOrderMark(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (Utf8Lenient, 3),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (Lenient(Encoding.UTF32), 4),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (Lenient(new UTF32Encoding(bigEndian: true, byteOrderMark: false)), 4),
        [0xFF, 0xFE, ..] => (Lenient(Encoding.Unicode), 2),
        [0xFE, 0xFF, ..] => (Lenient(Encoding.BigEndianUnicode), 2),
        // "<?" in UTF-16 without a BOM, as the XML specification's autodetection describes.
        [0x3C, 0x00, 0x3F, 0x00, ..] => (Lenient(Encoding.Unicode), 0),
        [0x00, 0x3C, 0x00, 0x3F, ..] => (Lenient(Encoding.BigEndianUnicode), 0),
        _ => (null, 0),
    };

    private static Encoding? FromContentType(string? contentTypeHeader) => ByName(CharsetOf(contentTypeHeader));

    private static Encoding? FromXmlDeclaration(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.StartsWith("<?xml"u8))
        {
            return null;
        }
        var declaration = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 256)]);
        var end = declaration.IndexOf("?>", StringComparison.Ordinal);
        var match = XmlEncodingAttribute().Match(end < 0 ? declaration : declaration[..end]);
        return match.Success ? ByName(match.Groups[1].Value, asciiCompatibleOnly: true) : null;
    }

    private static Encoding? FromHtmlMeta(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        var match = MetaCharset().Match(head);
        return match.Success ? ByName(match.Groups[1].Value, asciiCompatibleOnly: true) : null;
    }

    private static Encoding? Detect(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return Utf8Lenient;
        }
        var detected = CharsetDetector.DetectFromBytes(bytes[..Math.Min(bytes.Length, DetectionBytes)]).Detected;
        return detected is { Confidence: >= 0.5f, EncodingName: not null } ? ByName(detected.EncodingName) : null;
    }

    private static Encoding? ByName(string? name, bool asciiCompatibleOnly = false)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var label = name.Trim().Trim('"', '\'').ToLowerInvariant();
        // As browsers do (WHATWG Encoding): these labels mean windows-1252, whose extra characters (curly quotes,
        // dashes) servers send while claiming Latin-1 or ASCII.
        label = label switch
        {
            "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "cp1252" => "windows-1252",
            "utf8" => "utf-8",
            _ => label,
        };
        try
        {
            var encoding = Encoding.GetEncoding(label);
            // A declaration we could read as ASCII cannot be in UTF-16/32, whatever it claims.
            if (asciiCompatibleOnly && encoding is UnicodeEncoding or UTF32Encoding)
            {
                return null;
            }
            return encoding is UTF8Encoding ? Utf8Lenient : Lenient(encoding);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Encoding Lenient(Encoding encoding) =>
        Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);

    [GeneratedRegex("""charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetParameter();

    [GeneratedRegex("""encoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex XmlEncodingAttribute();

    [GeneratedRegex("""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
