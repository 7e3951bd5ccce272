using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Alerts.Fetching;

namespace Alerts.Tests.Fetching;

public sealed class HtmlTextTests
{
    [Fact]
    public void ToText_40000NestedElements_ReturnsTheTextWithoutExhaustingTheStack()
    {
        // Built through the DOM: the HTML parser flattens deep markup itself, but a page extractor hands over trees too.
        var document = new HtmlParser().ParseDocument("<p>Before.</p>");
        IElement parent = document.Body!;
        for (var i = 0; i < 40_000; i++)
        {
            var child = document.CreateElement(i % 2 == 0 ? "div" : "span");
            parent.AppendChild(child);
            parent = child;
        }
        parent.TextContent = "Deep text.";
        document.Body!.AppendChild(document.CreateElement("p")).TextContent = "After.";

        // A thread with a small stack, as a worker thread may have: 40,000 recursive calls would overflow it.
        string? text = null;
        var thread = new Thread(() => text = HtmlText.ToText(document.Body!), maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();

        Assert.Equal("Before.\n\nDeep text.\n\nAfter.", text);
    }

    [Fact]
    public void ToText_BlocksAndBreaks_KeepsParagraphsInDocumentOrder()
        => Assert.Equal("One two.\n\nThree\nfour.\n\nFive.", HtmlText.ToText("<div>One <b>two</b>.<p>Three<br>four.</p></div>Five."));
}
