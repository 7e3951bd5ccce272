using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Alerts.Fetching;

/// <summary>
/// RSS, RDF and Atom. The reader streams: each item is read into a small XElement on its own, so memory and time grow
/// linearly with the feed. No DTD, no resolver, no external fetches.
/// </summary>
internal static partial class XmlFeedReader
{
    private const long MaxCharactersInDocument = 32L * 1024 * 1024;
    /// <summary>Deeper than any real feed (Atom xhtml content included); what is deeper is an attack on whatever walks
    /// the tree, so the feed is refused before any tree is built.</summary>
    internal const int MaxDepth = 100;

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Atom03 = "http://purl.org/atom/ns#";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace FeedBurner = "http://rssnamespace.org/feedburner/ext/1.0";
    private static readonly XNamespace Xml = XNamespace.Xml;

    private static readonly HashSet<string> HtmlRoots = new(StringComparer.OrdinalIgnoreCase) { "html", "head", "body" };

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharactersInDocument,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        // Feeds often carry stray control characters; losing one character beats losing the feed.
        CheckCharacters = false,
    };

    /// <summary>Nodes scanned between two looks at the cancellation token.</summary>
    private const int NodesPerCancellationCheck = 4096;

    public static FeedParseResult Read(string text, Uri feedUrl, FeedWarnings warnings, CancellationToken cancellationToken = default)
    {
        CheckProlog(text);
        var repairs = 0;
        text = UnescapedAmpersand().Replace(text, match =>
        {
            repairs++;
            return RepairEntity(match);
        });
        if (repairs > 0)
        {
            warnings.Add($"repaired {repairs} unescaped '&' or HTML entity reference(s)");
        }

        FeedFormat? format = null;
        string? title = null;
        string? feedLanguage = null;
        var drafts = new List<FeedItemDraft>();
        var bases = new List<Uri>();
        CheckDepth(text, cancellationToken);
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings);
            reader.MoveToContent();
            format = FormatOf(reader);
            feedLanguage = NullIfEmpty(reader.XmlLang);

            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }
                var depth = reader.Depth;
                var parentBase = depth == 0 ? feedUrl : bases[depth - 1];
                SetAt(bases, depth, WithXmlBase(parentBase, reader.GetAttribute("base", XNamespace.Xml.NamespaceName)));

                if (IsItem(format.Value, reader))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var language = NullIfEmpty(reader.XmlLang);
                    var element = (XElement)XNode.ReadFrom(reader);
                    var draft = format == FeedFormat.Atom ? AtomEntry(element, parentBase) : RssItem(element, parentBase);
                    draft.Language ??= language;
                    drafts.Add(draft);
                    continue;
                }
                if (depth == FeedLevelDepth(format.Value) && reader.LocalName is "title" or "language")
                {
                    var isTitle = reader.LocalName == "title";
                    var value = ((XElement)XNode.ReadFrom(reader)).Value;
                    if (isTitle)
                    {
                        title ??= NullIfEmpty(HtmlText.ToLine(value));
                    }
                    else
                    {
                        feedLanguage ??= NullIfEmpty(value.Trim());
                    }
                    continue;
                }
                reader.Read();
            }
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new FeedFormatException("DTD is not allowed", e);
        }
        catch (XmlException e) when (drafts.Count > 0)
        {
            warnings.Add($"feed cut short after {drafts.Count} items by malformed XML: {e.Message}");
        }
        catch (XmlException e)
        {
            throw new FeedFormatException($"malformed XML: {e.Message}", e);
        }

        var items = new List<FeedItem>(drafts.Count);
        foreach (var draft in drafts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            draft.Language ??= feedLanguage;
            if (draft.ToItem(feedUrl, warnings) is { } item)
            {
                items.Add(item);
            }
        }
        return new FeedParseResult(format!.Value, title, items, warnings.ToList());
    }

    /// <summary>One streaming pass over the elements, before items are read into trees; malformed XML is left to the
    /// reading pass, which says where.</summary>
    private static void CheckDepth(string text, CancellationToken cancellationToken)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings);
            var nodes = 0;
            while (reader.Read())
            {
                if (++nodes % NodesPerCancellationCheck == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
                if (reader.Depth > MaxDepth)
                {
                    throw new FeedFormatException($"XML nested deeper than {MaxDepth} elements");
                }
            }
        }
        catch (XmlException)
        {
            // Read again below, with the error's position in the message or the items before it kept.
        }
    }

    /// <summary>Looks at what precedes the root element, so a DOCTYPE or an HTML page is named before XmlReader runs.</summary>
    private static void CheckProlog(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                i++;
            }
            else if (At(text, i, "<?"))
            {
                i = After(text, i, "?>");
            }
            else if (At(text, i, "<!--"))
            {
                i = After(text, i, "-->");
            }
            else if (At(text, i, "<!DOCTYPE"))
            {
                var declaration = text.AsSpan(i + 9, Math.Min(20, text.Length - i - 9)).TrimStart();
                throw new FeedFormatException(declaration.StartsWith("html", StringComparison.OrdinalIgnoreCase)
                    ? "not a feed: HTML page"
                    : "DTD is not allowed");
            }
            else if (c == '<' && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                var end = i + 1;
                while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is ':' or '-' or '_' or '.'))
                {
                    end++;
                }
                var name = text[(i + 1)..end];
                var localName = name[(name.IndexOf(':', StringComparison.Ordinal) + 1)..];
                if (HtmlRoots.Contains(localName))
                {
                    throw new FeedFormatException("not a feed: HTML page");
                }
                return;
            }
            else
            {
                throw new FeedFormatException($"not a feed: markup starting \"{FeedParser.Preview(text, i)}\"");
            }
        }
        throw new FeedFormatException("not a feed: no root element");
    }

    private static bool At(string text, int index, string token) =>
        string.Compare(text, index, token, 0, token.Length, StringComparison.OrdinalIgnoreCase) == 0;

    private static int After(string text, int index, string terminator)
    {
        var end = text.IndexOf(terminator, index, StringComparison.Ordinal);
        return end < 0 ? text.Length : end + terminator.Length;
    }

    private static FeedFormat FormatOf(XmlReader root)
    {
        var ns = root.NamespaceURI;
        return root.LocalName switch
        {
            "rss" => FeedFormat.Rss,
            "RDF" when ns == Rdf.NamespaceName => FeedFormat.Rdf,
            "feed" when ns == Atom.NamespaceName || ns == Atom03.NamespaceName => FeedFormat.Atom,
            var name when HtmlRoots.Contains(name) => throw new FeedFormatException("not a feed: HTML page"),
            var name => throw new FeedFormatException($"not a feed: XML root element <{name}>"),
        };
    }

    private static bool IsItem(FeedFormat format, XmlReader reader) => format == FeedFormat.Atom
        ? reader is { LocalName: "entry", Depth: 1 }
        : reader is { LocalName: "item", Depth: 1 or 2 };

    private static int FeedLevelDepth(FeedFormat format) => format == FeedFormat.Atom ? 1 : 2;

    private static FeedItemDraft RssItem(XElement item, Uri parentBase)
    {
        var core = item.Name.Namespace;
        var guid = item.Element(core + "guid");
        var atomLink = item.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate");
        var source = item.Element(core + "source");
        var itemBase = BaseOf(item, parentBase);
        return new FeedItemDraft
        {
            Id = guid?.Value ?? (string?)item.Attribute(Rdf + "about"),
            Link = item.Element(FeedBurner + "origLink")?.Value ?? item.Element(core + "link")?.Value ?? (string?)atomLink?.Attribute("href"),
            LinkBase = itemBase,
            PermalinkGuid = guid is not null && !string.Equals((string?)guid.Attribute("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase)
                ? guid.Value
                : null,
            TitleHtml = item.Element(core + "title")?.Value ?? item.Element(Dc + "title")?.Value,
            SummaryHtml = item.Element(core + "description")?.Value ?? item.Element(Dc + "description")?.Value,
            ContentHtml = item.Element(Content + "encoded")?.Value,
            Author = item.Element(core + "author")?.Value ?? item.Element(Dc + "creator")?.Value,
            PublishedText = item.Element(core + "pubDate")?.Value ?? item.Element(Dc + "date")?.Value
                ?? item.Element(Atom + "published")?.Value ?? item.Element(Atom + "updated")?.Value,
            Outlet = source?.Value,
            OutletUrl = (string?)source?.Attribute("url"),
            Language = item.Element(Dc + "language")?.Value,
        };
    }

    private static FeedItemDraft AtomEntry(XElement entry, Uri parentBase)
    {
        var atom = entry.Name.Namespace;
        var link = entry.Elements(atom + "link")
            .Where(l => (string?)l.Attribute("rel") is null or "alternate")
            .OrderBy(l => (string?)l.Attribute("type") is null or "text/html" or "application/xhtml+xml" ? 0 : 1)
            .FirstOrDefault();
        var content = entry.Element(atom + "content");
        var authors = entry.Elements(atom + "author").Select(a => a.Element(atom + "name")?.Value.Trim())
            .Where(name => !string.IsNullOrEmpty(name));
        return new FeedItemDraft
        {
            Id = entry.Element(atom + "id")?.Value,
            Link = (string?)link?.Attribute("href"),
            LinkBase = link is null ? null : BaseOf(link, parentBase),
            TitleHtml = AtomText(entry.Element(atom + "title")),
            SummaryHtml = AtomText(entry.Element(atom + "summary")),
            ContentHtml = content?.Attribute("src") is null ? AtomText(content) : null,
            Author = string.Join(", ", authors),
            PublishedText = entry.Element(atom + "published")?.Value ?? entry.Element(atom + "updated")?.Value
                ?? entry.Element(atom + "issued")?.Value ?? entry.Element(atom + "modified")?.Value,
            Outlet = entry.Element(atom + "source")?.Element(atom + "title")?.Value,
        };
    }

    /// <summary>An Atom text construct as HTML, whatever its type.</summary>
    private static string? AtomText(XElement? element)
    {
        if (element is null)
        {
            return null;
        }
        return (string?)element.Attribute("type") switch
        {
            "xhtml" => string.Concat((element.Elements().FirstOrDefault() ?? element).Nodes()
                .Select(node => node.ToString(SaveOptions.DisableFormatting))),
            "text" => WebUtility.HtmlEncode(element.Value),
            _ => element.Value,
        };
    }

    /// <summary>The base URI in effect at <paramref name="element"/>, applying xml:base from the item down to it.</summary>
    private static Uri BaseOf(XElement element, Uri outerBase)
    {
        var result = outerBase;
        foreach (var ancestor in element.AncestorsAndSelf().Reverse())
        {
            result = WithXmlBase(result, (string?)ancestor.Attribute(Xml + "base"));
        }
        return result;
    }

    private static Uri WithXmlBase(Uri current, string? xmlBase) =>
        !string.IsNullOrWhiteSpace(xmlBase) && Uri.TryCreate(current, xmlBase.Trim(), out var resolved) ? resolved : current;

    private static void SetAt(List<Uri> bases, int depth, Uri value)
    {
        if (depth < bases.Count)
        {
            bases[depth] = value;
        }
        else
        {
            bases.Add(value);
        }
    }

    private static string RepairEntity(Match match)
    {
        if (!match.Groups["name"].Success)
        {
            return "&amp;";
        }
        var reference = match.Value;
        var decoded = WebUtility.HtmlDecode(reference);
        if (decoded == reference)
        {
            return "&amp;" + reference[1..];
        }
        var builder = new StringBuilder();
        foreach (var rune in decoded.EnumerateRunes())
        {
            builder.Append(CultureInfo.InvariantCulture, $"&#x{rune.Value:X};");
        }
        return builder.ToString();
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    // An '&' that does not start one of XML's own references: a bare ampersand or an HTML entity such as &nbsp;.
    [GeneratedRegex("&(?!(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});)(?<name>[A-Za-z][A-Za-z0-9]{1,31};)?", RegexOptions.CultureInvariant)]
    private static partial Regex UnescapedAmpersand();
}
