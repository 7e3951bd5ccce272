using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using UtfUnknown;

namespace Alerts.Text;

/// <summary>
/// Turns response bytes into text. The charset comes from the first source that names one: a byte order mark,
/// the Content-Type header, the XML declaration, the HTML meta tag, statistical detection; UTF-8 otherwise.
/// Bytes declared as UTF-8 that are plainly single-byte text are decoded as such (see <see cref="Read"/>); other
/// invalid bytes become U+FFFD instead of failing.
/// </summary>
public static partial class TextDecoder
{
    private const int PrescanBytes = 4096;
    private const int DetectionBytes = 64 * 1024;

    private static readonly Encoding Utf8Lenient = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    // Lazy: the code pages provider is registered by the static constructor, which runs after field initialisers.
    private static readonly Lazy<Encoding> Windows1252 = new(() => ByName("windows-1252")!);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> bytes, string? contentTypeHeader) => Read(bytes, contentTypeHeader).Text;

    /// <summary>
    /// As <see cref="Decode"/>, and says when the bytes were not the UTF-8 they were declared (or taken) as: then the
    /// charset the document itself names, else a detected one, else windows-1252 is used, provided it is single-byte.
    /// </summary>
    public static DecodedText Read(ReadOnlySpan<byte> bytes, string? contentTypeHeader)
    {
        // A BOM beats the header: the bytes cannot lie about themselves, while servers often send a stock charset.
        var (encoding, bomLength) = FromByteOrderMark(bytes);
        if (encoding is not null)
        {
            return new DecodedText(encoding.GetString(bytes[bomLength..]), null);
        }
        var fromHeader = FromContentType(contentTypeHeader);
        // The document's own charset matters only when the header names none, or names the UTF-8 a repair may overrule.
        var inDocument = fromHeader is null or UTF8Encoding ? FromXmlDeclaration(bytes) ?? FromHtmlMeta(bytes) : null;
        encoding = fromHeader ?? inDocument ?? Detect(bytes) ?? Utf8Lenient;
        if (encoding is UTF8Encoding && IsSingleByteText(bytes))
        {
            var repair = SingleByte(inDocument) ?? SingleByte(DetectAny(bytes)) ?? Windows1252.Value;
            return new DecodedText(repair.GetString(bytes), repair.WebName);
        }
        return new DecodedText(encoding.GetString(bytes), null);
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

    private static Encoding? Detect(ReadOnlySpan<byte> bytes) => Utf8.IsValid(bytes) ? Utf8Lenient : DetectAny(bytes);

    private static Encoding? DetectAny(ReadOnlySpan<byte> bytes)
    {
        var detected = CharsetDetector.DetectFromBytes(bytes[..Math.Min(bytes.Length, DetectionBytes)]).Detected;
        return detected is { Confidence: >= 0.5f, EncodingName: not null } ? ByName(detected.EncodingName) : null;
    }

    /// <summary>
    /// The evidence that bytes taken for UTF-8 are single-byte text (Latin-1 served as UTF-8): invalid sequences and
    /// not one valid multi-byte sequence. UTF-8 text with a stray byte stays UTF-8: one U+FFFD beats mangling every é.
    /// </summary>
    private static bool IsSingleByteText(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return false;
        }
        var rest = bytes;
        while (rest.IndexOfAnyExceptInRange((byte)0x00, (byte)0x7F) is var next and >= 0)
        {
            rest = rest[next..];
            if (Rune.DecodeFromUtf8(rest, out _, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                return false;
            }
            rest = rest[Math.Max(consumed, 1)..];
        }
        return true;
    }

    private static Encoding? SingleByte(Encoding? encoding) => encoding is { IsSingleByte: true } ? encoding : null;

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

/// <param name="RepairedAs">The charset used instead of the declared UTF-8 the bytes are not; null when nothing was repaired.</param>
public sealed record DecodedText(string Text, string? RepairedAs);
