using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Alerts.Fetching;

/// <summary>Plain text of an HTML fragment: block elements become paragraphs separated by a blank line.</summary>
internal static class HtmlText
{
    private static readonly HashSet<string> SkippedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "svg", "math", "object", "embed", "nav", "form",
        "button", "select", "textarea", "head", "title",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre",
        "section", "article", "aside", "header", "footer", "main", "figure", "figcaption", "table", "tr", "hr",
        "address", "details", "summary", "body",
    };

    [ThreadStatic] private static HtmlParser? parser;

    private static HtmlParser Parser => parser ??= new HtmlParser();

    public static string ToText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }
        if (!html.Contains('<', StringComparison.Ordinal) && !html.Contains('&', StringComparison.Ordinal))
        {
            return CollapseParagraphs(html);
        }
        var document = Parser.ParseDocument(html);
        return document.Body is null ? "" : ToText(document.Body);
    }

    /// <summary>The text on one line, as titles need it.</summary>
    public static string ToLine(string? html) => ToText(html).Replace("\n\n", " ", StringComparison.Ordinal).Replace('\n', ' ');

    public static string ToText(INode root)
    {
        var writer = new ParagraphWriter();
        Walk(root, writer);
        return writer.ToString();
    }

    // An explicit stack, not recursion: hostile HTML nests elements tens of thousands deep, and a stack overflow
    // cannot be caught; it ends the whole process.
    private static void Walk(INode root, ParagraphWriter writer)
    {
        var pending = new Stack<(INode Node, bool BlockEnd)>();
        PushChildren(root);
        while (pending.TryPop(out var entry))
        {
            if (entry.BlockEnd)
            {
                writer.Break(paragraph: true);
                continue;
            }

            switch (entry.Node)
            {
                case IText text:
                    writer.Append(text.Data);
                    break;
                case IElement element when SkippedElements.Contains(element.LocalName):
                    break;
                case IElement { LocalName: "br" }:
                    writer.Break(paragraph: false);
                    break;
                case IElement element when BlockElements.Contains(element.LocalName):
                    writer.Break(paragraph: true);
                    pending.Push((element, true));
                    PushChildren(element);
                    break;
                case IElement element:
                    PushChildren(element);
                    break;
            }
        }

        void PushChildren(INode node)
        {
            var children = node.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                pending.Push((children[i], false));
            }
        }
    }

    private static string CollapseParagraphs(string text)
    {
        var writer = new ParagraphWriter();
        foreach (var paragraph in text.Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries))
        {
            writer.Append(paragraph);
            writer.Break(paragraph: true);
        }
        return writer.ToString();
    }

    /// <summary>Collapses whitespace and writes pending breaks only between pieces of visible text.</summary>
    private sealed class ParagraphWriter
    {
        private readonly StringBuilder text = new();
        private int pendingBreak; // 0 none, 1 line, 2 paragraph
        private bool pendingSpace;

        public void Break(bool paragraph) => pendingBreak = Math.Max(pendingBreak, paragraph ? 2 : 1);

        public void Append(string data)
        {
            foreach (var c in data)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    pendingSpace = true;
                    continue;
                }
                if (text.Length > 0)
                {
                    if (pendingBreak > 0)
                    {
                        text.Append(pendingBreak == 2 ? "\n\n" : "\n");
                    }
                    else if (pendingSpace)
                    {
                        text.Append(' ');
                    }
                }
                pendingBreak = 0;
                pendingSpace = false;
                text.Append(c);
            }
        }

        public override string ToString() => text.ToString();
    }
}
