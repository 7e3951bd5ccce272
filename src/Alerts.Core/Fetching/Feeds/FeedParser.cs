using System.Diagnostics.CodeAnalysis;
using Alerts.Text;

namespace Alerts.Fetching;

/// <summary>
/// Reads RSS 2.0/0.9x, RSS 1.0 (RDF), Atom 1.0, JSON Feed 1.x and GDELT DOC article lists, telling them apart by
/// their content, never by the URL. Anything else is a <see cref="FeedFormatException"/> saying what it was.
/// </summary>
public sealed class FeedParser
{
    private const int BinaryProbeBytes = 1024;

    [SuppressMessage("Performance", "CA1822", Justification = "An instance service, injected into the fetch stage like its siblings.")]
    /// <param name="cancellationToken">Checked between items and while scanning the XML: parsing is synchronous, and
    /// a source's time budget must stop a hostile feed here too.</param>
    public FeedParseResult Parse(ReadOnlySpan<byte> content, string? contentTypeHeader, Uri feedUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedUrl);
        if (!feedUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The feed URL must be absolute.", nameof(feedUrl));
        }
        RejectBinary(content);

        var decoded = TextDecoder.Read(content, contentTypeHeader);
        var text = decoded.Text;
        var start = 0;
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF'))
        {
            start++;
        }
        if (start == text.Length)
        {
            throw new FeedFormatException("not a feed: empty response");
        }

        var warnings = new FeedWarnings();
        if (decoded.RepairedAs is { } charset)
        {
            warnings.Add($"the bytes are not the UTF-8 they were declared as; decoded as {charset}");
        }
        var result = text[start] switch
        {
            '<' => XmlFeedReader.Read(text, feedUrl, warnings, cancellationToken),
            '{' or '[' => JsonFeedReader.Read(text, feedUrl, warnings, cancellationToken),
            _ => throw new FeedFormatException($"not a feed: plain text starting \"{Preview(text, start)}\""),
        };
        return result with { RepairedCharset = decoded.RepairedAs };
    }

    private static void RejectBinary(ReadOnlySpan<byte> content)
    {
        string? kind = content switch
        {
            [0x1F, 0x8B, ..] => "gzip data (was the response decompressed?)",
            [0x25, 0x50, 0x44, 0x46, ..] => "PDF document",
            [0x89, 0x50, 0x4E, 0x47, ..] => "PNG image",
            [0xFF, 0xD8, 0xFF, ..] => "JPEG image",
            [0x47, 0x49, 0x46, 0x38, ..] => "GIF image",
            [0x50, 0x4B, 0x03, 0x04, ..] => "ZIP archive",
            _ => null,
        };
        if (kind is not null)
        {
            throw new FeedFormatException($"binary content: {kind}");
        }
        // UTF-16 and UTF-32 text is full of zero bytes; TextDecoder recognises it by its BOM or by "<?".
        if (content is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0x00, 0x00, 0xFE, 0xFF, ..] or [0x3C, 0x00, ..] or [0x00, 0x3C, ..])
        {
            return;
        }
        var probe = content[..Math.Min(content.Length, BinaryProbeBytes)];
        var controls = 0;
        foreach (var b in probe)
        {
            if (b == 0)
            {
                throw new FeedFormatException("binary content: zero bytes in what should be text");
            }
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D))
            {
                controls++;
            }
        }
        if (controls * 20 > probe.Length)
        {
            throw new FeedFormatException("binary content: too many control characters for text");
        }
    }

    internal static string Preview(string text, int start)
    {
        var preview = new string(text.AsSpan(start, Math.Min(40, text.Length - start)));
        return new string(preview.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
    }
}
