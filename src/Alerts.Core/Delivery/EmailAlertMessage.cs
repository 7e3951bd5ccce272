using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;

namespace Alerts.Delivery;

/// <summary>Renders a delivery as a multipart (plain text + HTML) email. Every piece of article text is HTML-encoded
/// and only http/https links are rendered.</summary>
public static class EmailAlertMessage
{
    private const int SubjectQuoteChars = 70;

    public static MimeMessage Create(DeliveryRecord delivery, SmtpOptions smtp)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        message.To.Add(new MailboxAddress(AlertText.OneLine(delivery.SubscriberName), delivery.Address));
        message.MessageId = MessageId(delivery, smtp);
        message.Date = delivery.Created;
        // mailto: rather than an https one-click link: the pipeline serves no web endpoint, and a link that cannot work
        // is worse than a mail the operator acts on by editing the subscriptions document.
        message.Headers.Add("List-Unsubscribe", $"<mailto:{smtp.UnsubscribeMailbox}?subject={Uri.EscapeDataString("unsubscribe " + delivery.SubscriberId)}>");
        message.Headers.Add("List-Id", $"Alerts <alerts.{Domain(smtp)}>");
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var body = new BodyBuilder();
        if (delivery.Kind == DeliveryKind.Digest)
        {
            message.Subject = DigestSubject(delivery);
            body.TextBody = DigestText(delivery);
            body.HtmlBody = DigestHtml(delivery);
        }
        else
        {
            var alert = delivery.Alerts[0];
            message.Subject = Subject(alert);
            message.Headers.Add("X-Alerts-Statement", alert.Key);
            body.TextBody = AlertPlainText(alert);
            body.HtmlBody = Page(AlertHtml(alert, withByline: true));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>The same (subscriber, statement) always gives the same Message-ID.</summary>
    public static string MessageId(DeliveryRecord delivery, SmtpOptions smtp) => $"{delivery.MessageId}@{Domain(smtp)}";

    public static string Subject(Alert alert)
        => $"{AlertText.OneLine(alert.Speaker.Name)}: \u201C{AlertText.Shorten(AlertText.OneLine(alert.Text), SubjectQuoteChars)}\u201D";

    private static string DigestSubject(DeliveryRecord delivery)
    {
        var speakers = delivery.Alerts.Select(a => AlertText.OneLine(a.Speaker.Name)).Distinct(StringComparer.Ordinal).ToList();
        var names = string.Join(", ", speakers.Take(3)) + (speakers.Count > 3 ? $" and {speakers.Count - 3} more" : "");
        return AlertText.Shorten($"Alerts digest: {delivery.Alerts.Count} new statement{(delivery.Alerts.Count == 1 ? "" : "s")} ({names})", 150);
    }

    private static string AlertPlainText(Alert alert)
    {
        var text = new StringBuilder();
        text.AppendLine(AlertText.Byline(alert));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"\u201C{alert.Text}\u201D");
        if (AlertText.SummaryLine(alert) is { } summary)
        {
            text.AppendLine(summary);
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Sentiment: {AlertText.SentimentLabel(alert.Sentiment)} ({alert.Sentiment:0.00})");
        text.AppendLine(CultureInfo.InvariantCulture, $"Relevance: {alert.Relevance:0.00}");
        text.AppendLine(CultureInfo.InvariantCulture, $"First seen: {AlertText.FirstSeen(alert.FirstSeen)}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{AlertText.ReportedBy(alert)}:");
        foreach (var source in alert.Sources)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {AlertText.OneLine(source.Outlet)}: {AlertText.OneLine(source.Title)} <{AlertText.SafeUrl(source.Url) ?? "no link"}>");
        }

        return text.ToString();
    }

    private static string AlertHtml(Alert alert, bool withByline)
    {
        var html = new StringBuilder();
        if (withByline)
        {
            // In a digest the speaker is the section heading already.
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"color:#555;margin:0 0 8px\"><strong>{E(AlertText.OneLine(alert.Speaker.Name))}</strong>");
            html.Append(alert.Speaker.Role is { Length: > 0 } role ? ", " + E(AlertText.OneLine(role)) : "").Append("</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<blockquote style=\"font-size:1.15em;border-left:4px solid #0078d4;margin:0;padding-left:12px;overflow-wrap:anywhere\">\u201C{E(alert.Text)}\u201D</blockquote>");
        if (AlertText.SummaryLine(alert) is { } summaryLine)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"color:#555;margin:6px 0 0\">{E(summaryLine)}</p>");
        }

        html.Append("<table style=\"margin-top:8px;border-collapse:collapse\">");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding-right:12px;color:#555\">Sentiment</td><td>{E(AlertText.SentimentLabel(alert.Sentiment))} ({alert.Sentiment:0.00})</td></tr>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding-right:12px;color:#555\">Relevance</td><td>{alert.Relevance:0.00}</td></tr>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding-right:12px;color:#555\">First seen</td><td>{E(AlertText.FirstSeen(alert.FirstSeen))}</td></tr>");
        html.Append(CultureInfo.InvariantCulture, $"</table><p style=\"margin:8px 0 2px\">{E(AlertText.ReportedBy(alert))}:</p><ul style=\"margin-top:0\">");
        foreach (var source in alert.Sources)
        {
            var url = AlertText.SafeUrl(source.Url);
            html.Append(url is null
                ? $"<li>{E(source.Outlet)}: {E(source.Title)}</li>"
                : $"<li>{E(source.Outlet)}: <a href=\"{E(url)}\">{E(source.Title)}</a></li>");
        }

        html.Append("</ul>");
        return html.ToString();
    }

    /// <summary>Digests group statements by speaker, then by story (the first outlet's article).</summary>
    private static IEnumerable<IGrouping<string, IGrouping<string, Alert>>> Grouped(DeliveryRecord delivery)
        => delivery.Alerts
            .GroupBy(a => AlertText.Byline(a), StringComparer.Ordinal)
            .OrderBy(g => g.Min(a => a.FirstSeen))
            .Select(g => new SpeakerGroup(g.Key, g.GroupBy(AlertText.Story, StringComparer.Ordinal).OrderBy(s => s.Min(a => a.FirstSeen)).ToList()));

    private static string DigestText(DeliveryRecord delivery)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{delivery.Alerts.Count} new statement(s), {delivery.Period}");
        foreach (var speaker in Grouped(delivery))
        {
            text.AppendLine();
            text.AppendLine(speaker.Key);
            foreach (var story in speaker)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  Story: {story.Key}");
                foreach (var alert in story)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"  - \u201C{alert.Text}\u201D");
                    text.AppendLine(CultureInfo.InvariantCulture, $"    {AlertText.SentimentLabel(alert.Sentiment)} ({alert.Sentiment:0.00}), relevance {alert.Relevance:0.00}, first seen {AlertText.FirstSeen(alert.FirstSeen)}; reported{AlertText.ReportedBy(alert)["Reported".Length..]}");
                    foreach (var source in alert.Sources)
                    {
                        text.AppendLine(CultureInfo.InvariantCulture, $"    {AlertText.OneLine(source.Outlet)}: <{AlertText.SafeUrl(source.Url) ?? "no link"}>");
                    }
                }
            }
        }

        return text.ToString();
    }

    private static string DigestHtml(DeliveryRecord delivery)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"color:#555\">{delivery.Alerts.Count} new statement(s), {E(delivery.Period ?? "")}</p>");
        foreach (var speaker in Grouped(delivery))
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2 style=\"margin:20px 0 4px;font-size:1.2em\">{E(speaker.Key)}</h2>");
            foreach (var story in speaker)
            {
                html.Append(CultureInfo.InvariantCulture, $"<h3 style=\"margin:8px 0 4px;font-size:1em;color:#555\">{E(story.Key)}</h3>");
                foreach (var alert in story)
                {
                    html.Append(AlertHtml(alert, withByline: false));
                }
            }
        }

        return Page(html.ToString());
    }

    private static string Page(string content)
        => $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:Segoe UI,Arial,sans-serif\">{content}</body></html>";

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Domain(SmtpOptions smtp)
        => smtp.From.LastIndexOf('@') is var at and > 0 ? smtp.From[(at + 1)..] : "alerts.local";

    private sealed class SpeakerGroup(string key, IReadOnlyList<IGrouping<string, Alert>> stories) : IGrouping<string, IGrouping<string, Alert>>
    {
        public string Key => key;

        public IEnumerator<IGrouping<string, Alert>> GetEnumerator() => stories.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
