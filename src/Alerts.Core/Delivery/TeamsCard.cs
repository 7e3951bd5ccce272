using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alerts.Delivery;

/// <summary>
/// The Teams Workflows payload: a message with one Adaptive Card 1.4 attachment (the version the Flow bot posts and Teams
/// renders). Article text goes only into TextBlock and Fact values, escaped so it cannot make markdown links,
/// emphasis, lists or mentions; links come only from OpenUrl actions (and, for long statements, one link we build) to
/// http/https URLs: one per outlet and, when feedback links are configured, "Mute this speaker" and "Not relevant"
/// (Action.OpenUrl, which every Teams client renders; the endpoint's page asks before acting). The payload as posted
/// stays under Teams' ~28 KB limit: long statements are cut with an ellipsis and a link.
/// </summary>
public static class TeamsCard
{
    public const string Version = "1.4";
    public const int MaxPayloadBytes = 24 * 1024;
    private const int MaxActions = 6;

    /// <summary>Teams refuses a message over about 28 KB as posted; we stay under 24 KB of UTF-8 JSON.</summary>
    public const int TeamsLimitBytes = 28 * 1024;

    public static string Payload(DeliveryRecord delivery, AlertLinks? links = null)
    {
        foreach (var quoteChars in new[] { 4000, 1500, 600, 250, 120 })
        {
            var payload = Serialize(delivery.Kind == DeliveryKind.Digest ? DigestCard(delivery, quoteChars) : AlertCard(delivery.Alerts[0], quoteChars, links));
            if (Encoding.UTF8.GetByteCount(payload) <= MaxPayloadBytes)
            {
                return payload;
            }
        }

        // A digest too big even with short quotes: list the first statements and say how many more there are.
        var shortened = delivery with { Alerts = [.. delivery.Alerts.Take(20)] };
        return Serialize(DigestCard(shortened, 120, more: delivery.Alerts.Count - shortened.Alerts.Count));
    }

    private static JsonObject AlertCard(Alert alert, int quoteChars, AlertLinks? links)
    {
        var body = new JsonArray
        {
            Text(AlertText.Novelty(alert), size: "Small", subtle: true),
            Text($"**{Escape(AlertText.OneLine(alert.Speaker.Name))}**"
                + (alert.Speaker.Role is { Length: > 0 } role ? $" \u2014 {Escape(AlertText.OneLine(role))}" : "")
                + (AlertText.Country(alert) is { } country ? $" ({Escape(country)})" : ""), size: "Medium"),
        };
        AddQuote(body, alert, quoteChars);
        foreach (var line in new[] { AlertText.SummaryLine(alert), AlertText.ContextLine(alert), AlertText.EchoLine(alert) })
        {
            if (line is not null)
            {
                body.Add(Text(Escape(line), size: "Small", subtle: true));
            }
        }

        var facts = new JsonArray
        {
            Fact("Assessment", $"{AlertText.SentimentWords(alert.Sentiment)}, {AlertText.RelevanceWords(alert.Relevance)}"),
        };
        if (AlertText.LanguageName(alert.Language) is { } language)
        {
            facts.Add(Fact("Language", language));
        }

        facts.Add(Fact("First seen", AlertText.FirstSeen(alert.FirstSeen)));
        facts.Add(Fact("Reported by", AlertText.ReportedBy(alert)["Reported by ".Length..]));
        body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
        body.Add(Text(Escape($"Why you got this: {AlertText.WhyLine(alert)}"), size: "Small", subtle: true));
        if (links is not null)
        {
            body.Add(Text(MarkdownLink("Unsubscribe", links.Unsubscribe), size: "Small", subtle: true));
        }

        var actions = new JsonArray();
        var feedback = links is null ? [] : new[] { ("Mute this speaker", links.MuteSpeaker), ("Not relevant", links.NotRelevant) }.Where(l => l.Item2 is not null).ToList();
        foreach (var source in alert.Sources.Where(s => AlertText.SafeUrl(s.Url) is not null).DistinctBy(s => AlertText.SafeUrl(s.Url)).Take(MaxActions - feedback.Count))
        {
            // Action titles are plain text, never markdown; still one short line.
            actions.Add(OpenUrl(AlertText.Shorten(AlertText.OneLine(source.Outlet), 40), AlertText.SafeUrl(source.Url)!));
        }

        foreach (var (title, url) in feedback)
        {
            actions.Add(OpenUrl(title, url!));
        }

        return Card(body, actions);
    }

    private static JsonObject OpenUrl(string title, string url) => new() { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url };

    private static JsonObject DigestCard(DeliveryRecord delivery, int quoteChars, int more = 0)
    {
        var body = new JsonArray
        {
            Text($"Alerts digest: {EmailAlertMessage.CountLine(delivery)}" + (more > 0 ? $" (and {more} more)" : ""), size: "Medium"),
            Text(Escape(delivery.Period ?? ""), size: "Small", subtle: true),
        };
        foreach (var speaker in delivery.Alerts.DistinctBy(a => a.Key, StringComparer.Ordinal).GroupBy(AlertText.Byline, StringComparer.Ordinal).OrderByDescending(g => g.Max(a => a.FirstSeen)))
        {
            body.Add(Text($"**{Escape(speaker.Key)}**", size: "Medium", separator: true));
            foreach (var alert in speaker.GroupBy(AlertText.Story, StringComparer.Ordinal).OrderByDescending(s => s.Max(a => a.FirstSeen)).SelectMany(s => s.OrderByDescending(a => a.FirstSeen)))
            {
                AddQuote(body, alert, quoteChars);
                var links = alert.Sources.Where(s => AlertText.SafeUrl(s.Url) is not null).DistinctBy(s => AlertText.SafeUrl(s.Url)).Take(MaxActions)
                    .Select(s => MarkdownLink(AlertText.Shorten(AlertText.OneLine(s.Outlet), 40), AlertText.SafeUrl(s.Url)!));
                body.Add(Text(
                    $"{AlertText.SentimentWords(alert.Sentiment)}, {AlertText.RelevanceWords(alert.Relevance)} \u00B7 first seen {AlertText.FirstSeen(alert.FirstSeen)} \u00B7 {string.Join(", ", links)}",
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

        // Only before white space: "1.00", "-0.4" and "+3" start no list, and a needless backslash shows literally in
        // some Teams clients (Adaptive Cards issues #4677, #5590).
        bool SpaceAt(int i) => i >= escaped.Length || char.IsWhiteSpace(escaped[i]);
        if (escaped.Length > 0 && escaped[0] is '-' or '+' && SpaceAt(1))
        {
            escaped.Insert(0, '\\');
        }
        else if (digits > 0 && digits < escaped.Length && escaped[digits] is '.' or ')' && SpaceAt(digits + 1))
        {
            escaped.Insert(digits, '\\');
        }

        return escaped.ToString();
    }

    private static string Serialize(JsonObject card) => card.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
