#pragma warning disable CA1822 // interim stub
using System.Xml;
using System.Xml.Linq;

namespace Alerts.Fetching;

// Interim parser for the skeleton (RSS 2.0 and Atom); replaced by the full parser from the fetching branch.
public enum FeedFormat { Rss2, Atom }

public sealed record FeedItem(string? Id, Uri Link, string Title, string? Summary, string? ContentHtml, string? ContentText,
    string? Author, DateTimeOffset? Published, string? Outlet, string? Language);

public sealed record FeedParseResult(FeedFormat Format, string? Title, IReadOnlyList<FeedItem> Items, IReadOnlyList<string> Warnings);

public sealed class FeedFormatException(string message) : Exception(message);

public sealed class FeedParser
{
    public FeedParseResult Parse(ReadOnlySpan<byte> content, string? contentTypeHeader, Uri feedUrl)
    {
        var text = Alerts.Text.TextDecoder.Decode(content, contentTypeHeader);
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            doc = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new FeedFormatException("not a feed: " + e.Message);
        }

        XNamespace atom = "http://www.w3.org/2005/Atom";
        var items = new List<FeedItem>();
        if (doc.Root?.Name.LocalName == "rss")
        {
            foreach (var item in doc.Root.Descendants("item"))
            {
                if (!Uri.TryCreate(feedUrl, (string?)item.Element("link"), out var link)) continue;
                items.Add(new FeedItem((string?)item.Element("guid"), link, (string?)item.Element("title") ?? "", (string?)item.Element("description"), null, null, null,
                    DateTimeOffset.TryParse((string?)item.Element("pubDate"), out var d) ? d : null, null, null));
            }
            return new FeedParseResult(FeedFormat.Rss2, (string?)doc.Root.Element("channel")?.Element("title"), items, []);
        }
        if (doc.Root?.Name == atom + "feed")
        {
            foreach (var entry in doc.Root.Elements(atom + "entry"))
            {
                if (!Uri.TryCreate(feedUrl, (string?)entry.Element(atom + "link")?.Attribute("href"), out var link)) continue;
                items.Add(new FeedItem((string?)entry.Element(atom + "id"), link, (string?)entry.Element(atom + "title") ?? "", (string?)entry.Element(atom + "summary"), null, null, null,
                    DateTimeOffset.TryParse((string?)entry.Element(atom + "updated"), out var d) ? d : null, null, null));
            }
            return new FeedParseResult(FeedFormat.Atom, (string?)doc.Root.Element(atom + "title"), items, []);
        }
        throw new FeedFormatException("not a feed: unknown root element");
    }
}
