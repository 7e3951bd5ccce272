using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alerts.Delivery;

/// <summary>
/// The Teams Workflows payload: a message with one Adaptive Card 1.4 attachment (the version the Flow bot posts and Teams
/// renders). Article text goes only into TextBlock and Fact values, escaped so it cannot make markdown links,
/// emphasis, lists or mentions; links come only from OpenUrl actions (and, for long statements, one link we build) to
/// http/https URLs. The payload stays under Teams' ~28 KB limit: long statements are cut with an ellipsis and a link.
/// </summary>
public static class TeamsCard
{
    public const string Version = "1.4";
    public const int MaxPayloadBytes = 24 * 1024;
    private const int MaxActions = 6;

    public static string Payload(DeliveryRecord delivery)
    {
        foreach (var quoteChars in new[] { 4000, 1500, 600, 250, 120 })
        {
            var payload = Serialize(delivery.Kind == DeliveryKind.Digest ? DigestCard(delivery, quoteChars) : AlertCard(delivery.Alerts[0], quoteChars));
            if (Encoding.UTF8.GetByteCount(payload) <= MaxPayloadBytes)
            {
                return payload;
            }
        }

        // A digest too big even with short quotes: list the first statements and say how many more there are.
        var shortened = delivery with { Alerts = [.. delivery.Alerts.Take(20)] };
        return Serialize(DigestCard(shortened, 120, more: delivery.Alerts.Count - shortened.Alerts.Count));
    }

    private static JsonObject AlertCard(Alert alert, int quoteChars)
    {
        var body = new JsonArray
        {
            Text("New statement", size: "Small", subtle: true),
            Text($"**{Escape(AlertText.OneLine(alert.Speaker.Name))}**" + (alert.Speaker.Role is { Length: > 0 } role ? $" \u2014 {Escape(AlertText.OneLine(role))}" : ""), size: "Medium"),
        };
        AddQuote(body, alert, quoteChars);
        if (AlertText.SummaryLine(alert) is { } summary)
        {
            body.Add(Text(Escape(summary), size: "Small", subtle: true));
        }

        body.Add(new JsonObject
        {
            ["type"] = "FactSet",
            ["facts"] = new JsonArray
            {
                Fact("Sentiment", $"{AlertText.SentimentLabel(alert.Sentiment)} ({alert.Sentiment:0.00})"),
                Fact("Relevance", $"{alert.Relevance:0.00}"),
                Fact("First seen", AlertText.FirstSeen(alert.FirstSeen)),
                Fact("Reported by", AlertText.ReportedBy(alert)["Reported by ".Length..]),
            },
        });
        var actions = new JsonArray();
        foreach (var source in alert.Sources.Where(s => AlertText.SafeUrl(s.Url) is not null).Take(MaxActions))
        {
            actions.Add(new JsonObject
            {
                ["type"] = "Action.OpenUrl",
                // Action titles are plain text, never markdown; still one short line.
                ["title"] = AlertText.Shorten(AlertText.OneLine(source.Outlet), 40),
                ["url"] = AlertText.SafeUrl(source.Url),
            });
        }

        return Card(body, actions);
    }

    private static JsonObject DigestCard(DeliveryRecord delivery, int quoteChars, int more = 0)
    {
        var body = new JsonArray
        {
            Text($"Alerts digest: {delivery.Alerts.Count + more} new statement(s)", size: "Medium"),
            Text(Escape(delivery.Period ?? ""), size: "Small", subtle: true),
        };
        foreach (var speaker in delivery.Alerts.GroupBy(AlertText.Byline, StringComparer.Ordinal).OrderBy(g => g.Min(a => a.FirstSeen)))
        {
            body.Add(Text($"**{Escape(speaker.Key)}**", size: "Medium", separator: true));
            foreach (var alert in speaker.OrderBy(AlertText.Story, StringComparer.Ordinal).ThenBy(a => a.FirstSeen))
            {
                AddQuote(body, alert, quoteChars);
                var links = alert.Sources.Where(s => AlertText.SafeUrl(s.Url) is not null).Take(MaxActions)
                    .Select(s => MarkdownLink(AlertText.Shorten(AlertText.OneLine(s.Outlet), 40), AlertText.SafeUrl(s.Url)!));
                body.Add(Text(
                    $"{AlertText.SentimentLabel(alert.Sentiment)} ({alert.Sentiment:0.00}) \u00B7 relevance {alert.Relevance:0.00} \u00B7 first seen {AlertText.FirstSeen(alert.FirstSeen)} \u00B7 {string.Join(", ", links)}",
                    size: "Small",
                    subtle: true));
            }
        }

        if (more > 0)
        {
            body.Add(Text($"\u2026and {more} more; see the email digest or ./run.sh deliveries.", subtle: true));
        }

        return Card(body, []);
    }

    private static void AddQuote(JsonArray body, Alert alert, int quoteChars)
    {
        var text = AlertText.OneLine(alert.Text);
        var cut = text.Length > quoteChars;
        body.Add(Text($"\u201C{Escape(AlertText.Shorten(text, quoteChars))}\u201D", italic: true));
        if (cut && alert.Sources.Select(s => AlertText.SafeUrl(s.Url)).FirstOrDefault(u => u is not null) is { } url)
        {
            body.Add(Text(MarkdownLink("Read the full statement", url), size: "Small"));
        }
    }

    private static JsonObject Card(JsonArray body, JsonArray actions)
    {
        var content = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = Version,
            ["body"] = body,
        };
        if (actions.Count > 0)
        {
            content["actions"] = actions;
        }

        // Workflows' "Post to a channel when a webhook request is received" posts each attachment's content.
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray
            {
                new JsonObject
                {
                    ["contentType"] = "application/vnd.microsoft.card.adaptive",
                    ["contentUrl"] = null,
                    ["content"] = content,
                },
            },
        };
    }

    private static JsonObject Text(string text, string? size = null, bool subtle = false, bool italic = false, bool separator = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = italic ? $"_{text}_" : text, ["wrap"] = true };
        if (size is not null)
        {
            block["size"] = size;
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (separator)
        {
            block["separator"] = true;
            block["spacing"] = "Medium";
        }

        return block;
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = Escape(value) };

    /// <summary>A link we build ourselves: escaped text, and a URL already checked to be http/https, with the characters
    /// that could end the markdown link percent-encoded.</summary>
    private static string MarkdownLink(string text, string url)
        => $"[{Escape(text)}]({url.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal)})";

    /// <summary>Backslash-escapes the characters Teams' markdown gives meaning to (emphasis, links, code, strike-through,
    /// a leading list marker), turns &lt; and &gt; into look-alike quotes so no <c>&lt;at&gt;</c> mention or HTML tag can
    /// form, and breaks bare URLs so they are not auto-linked.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in AlertText.OneLine(text))
        {
            switch (c)
            {
                case '\\' or '*' or '_' or '[' or ']' or '`' or '~':
                    escaped.Append('\\').Append(c);
                    break;
                case '<':
                    escaped.Append('\u2039');
                    break;
                case '>':
                    escaped.Append('\u203A');
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        // Bare URLs would be auto-linked: a zero-width space after the scheme's colon (and in "www.") prevents it.
        escaped.Replace("://", ":\u200B//").Replace("www.", "www\u200B.");

        // A leading "-", "+" or "1." would start a list.
        var digits = 0;
        while (digits < escaped.Length && char.IsAsciiDigit(escaped[digits]))
        {
            digits++;
        }

        if (escaped.Length > 0 && escaped[0] is '-' or '+')
        {
            escaped.Insert(0, '\\');
        }
        else if (digits > 0 && digits < escaped.Length && escaped[digits] is '.' or ')')
        {
            escaped.Insert(digits, '\\');
        }

        return escaped.ToString();
    }

    private static string Serialize(JsonObject card) => card.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
