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

    public static MimeMessage Create(DeliveryRecord delivery, SmtpOptions smtp, AlertLinks? links = null)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        message.To.Add(new MailboxAddress(AlertText.OneLine(delivery.SubscriberName), delivery.Address));
        message.MessageId = MessageId(delivery, smtp);
        message.Date = delivery.Created;
        var mailto = $"<mailto:{smtp.UnsubscribeMailbox}?subject={Uri.EscapeDataString("unsubscribe " + delivery.SubscriberId)}>";
        if (links is not null)
        {
            // RFC 8058: the https link first, POSTed by the mail client with List-Unsubscribe=One-Click; the mailto
            // stays for clients that only know RFC 2369.
            message.Headers.Add("List-Unsubscribe", $"<{links.Unsubscribe}>, {mailto}");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        else
        {
            message.Headers.Add("List-Unsubscribe", mailto);
        }

        message.Headers.Add("List-Id", $"Alerts <alerts.{Domain(smtp)}>");
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var body = new BodyBuilder();
        if (delivery.Kind == DeliveryKind.Digest)
        {
            message.Subject = DigestSubject(delivery);
            body.TextBody = DigestText(delivery, links);
            body.HtmlBody = DigestHtml(delivery, links);
        }
        else
        {
            var alert = delivery.Alerts[0];
            message.Subject = Subject(alert);
            message.Headers.Add("X-Alerts-Statement", alert.Key);
            body.TextBody = AlertPlainText(alert, links);
            body.HtmlBody = Page(AlertHtml(alert, withByline: true) + FooterHtml(alert, links));
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

    private static string AlertPlainText(Alert alert, AlertLinks? links)
    {
        var text = new StringBuilder();
        text.AppendLine(HeadLine(alert));
        text.AppendLine(AlertText.FullByline(alert));
        text.AppendLine();
        AppendStatementText(text, alert, "");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{AlertText.ReportedBy(alert)}:");
        foreach (var source in alert.Sources)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {AlertText.OneLine(source.Outlet)}: {AlertText.OneLine(source.Title)} <{AlertText.SafeUrl(source.Url) ?? "no link"}>");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Why you got this: {AlertText.WhyLine(alert)}");
        if (links is not null)
        {
            text.AppendLine();
            if (links.MuteSpeaker is { } mute)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"Mute {AlertText.OneLine(alert.Speaker.Name)}: {mute}");
            }

            if (links.NotRelevant is { } notRelevant)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"Not relevant: {notRelevant}");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"Unsubscribe: {links.Unsubscribe}");
        }

        return text.ToString();
    }

    /// <summary>"New statement · in Spanish (es)": what kind of alert, and the language the quote is in.</summary>
    private static string HeadLine(Alert alert)
        => AlertText.LanguageName(alert.Language) is { } language ? $"{AlertText.Novelty(alert)} \u00B7 in {language}" : AlertText.Novelty(alert);

    /// <summary>The quote and what goes with it, in plain text: the article's summary, the context sentence, the scores in
    /// words, and the earlier statement it repeats.</summary>
    private static void AppendStatementText(StringBuilder text, Alert alert, string indent)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"{indent}\u201C{AlertText.OneLine(alert.Text)}\u201D");
        if (AlertText.SummaryLine(alert) is { } summary)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{indent}{summary}");
        }

        if (AlertText.ContextLine(alert) is { } context)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{indent}{context}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{indent}{AlertText.Assessment(alert)}");
        if (AlertText.EchoLine(alert) is { } echo)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{indent}{echo}");
        }
    }

    private static string AlertHtml(Alert alert, bool withByline)
    {
        var html = new StringBuilder();
        if (withByline)
        {
            // In a digest the speaker is the section heading already.
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"color:#555;margin:0 0 4px;font-size:0.9em\">{E(HeadLine(alert))}</p>");
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"margin:0 0 8px\"><strong>{E(AlertText.OneLine(alert.Speaker.Name))}</strong>");
            html.Append(alert.Speaker.Role is { Length: > 0 } role ? ", " + E(AlertText.OneLine(role)) : "");
            html.Append(AlertText.Country(alert) is { } country ? $" ({E(country)})" : "").Append("</p>");
        }

        var lang = LanguageTag(alert.Language) is { } tag ? $" lang=\"{E(tag)}\"" : "";
        html.Append(CultureInfo.InvariantCulture, $"<blockquote{lang} style=\"font-size:1.15em;border-left:4px solid #0078d4;margin:0;padding-left:12px;overflow-wrap:anywhere\">\u201C{E(AlertText.OneLine(alert.Text))}\u201D</blockquote>");
        foreach (var line in new[] { AlertText.SummaryLine(alert), AlertText.ContextLine(alert) })
        {
            if (line is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p style=\"color:#555;margin:6px 0 0\">{E(line)}</p>");
            }
        }

        html.Append(CultureInfo.InvariantCulture, $"<p style=\"margin:6px 0 0\">{E(AlertText.Assessment(alert))}</p>");
        if (AlertText.EchoLine(alert) is { } echo)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"color:#555;margin:6px 0 0\">{E(echo)}</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p style=\"margin:8px 0 2px\">{E(AlertText.ReportedBy(alert))}:</p><ul style=\"margin-top:0\">");
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

    /// <summary>Why the subscriber got it, and what they can do about it.</summary>
    private static string FooterHtml(Alert alert, AlertLinks? links)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"color:#555;font-size:0.9em;margin:12px 0 4px\">Why you got this: {E(AlertText.WhyLine(alert))}</p>");
        if (links is not null)
        {
            var actions = new List<string>();
            if (links.MuteSpeaker is { } mute)
            {
                actions.Add($"<a href=\"{E(mute)}\">Mute {E(AlertText.OneLine(alert.Speaker.Name))}</a>");
            }

            if (links.NotRelevant is { } notRelevant)
            {
                actions.Add($"<a href=\"{E(notRelevant)}\">Not relevant</a>");
            }

            actions.Add($"<a href=\"{E(links.Unsubscribe)}\">Unsubscribe</a>");
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"font-size:0.9em;margin:0\">{string.Join(" \u00B7 ", actions)}</p>");
        }

        return html.ToString();
    }

    /// <summary>A BCP 47 tag fit for a lang attribute, or null.</summary>
    private static string? LanguageTag(string? language)
        => language is { Length: > 0 and <= 35 } && language.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? language : null;

    /// <summary>Digests read like a briefing: speakers, then their stories, newest first; each statement once (the
    /// queue may hold one twice after a retry), with every outlet that reported it.</summary>
    private static List<(string Speaker, List<(string Story, List<Alert> Alerts)> Stories)> Grouped(DeliveryRecord delivery)
        => [.. delivery.Alerts
            .DistinctBy(a => a.Key, StringComparer.Ordinal)
            .GroupBy(AlertText.FullByline, StringComparer.Ordinal)
            .OrderByDescending(g => g.Max(a => a.FirstSeen))
            .Select(g => (g.Key, g.GroupBy(AlertText.Story, StringComparer.Ordinal)
                .OrderByDescending(s => s.Max(a => a.FirstSeen))
                .Select(s => (s.Key, s.OrderByDescending(a => a.FirstSeen).ToList()))
                .ToList()))];

    /// <summary>"5 new statements from 3 speakers in 4 stories".</summary>
    internal static string CountLine(DeliveryRecord delivery)
    {
        var groups = Grouped(delivery);
        var statements = groups.Sum(g => g.Stories.Sum(s => s.Alerts.Count));
        var stories = groups.SelectMany(g => g.Stories.Select(s => s.Story)).Distinct(StringComparer.Ordinal).Count();
        static string Count(int n, string one) => n == 1 ? $"1 {one}" : $"{n} {one}s";
        return $"{Count(statements, "new statement")} from {Count(groups.Count, "speaker")} in {Count(stories, "story")}".Replace("storys", "stories", StringComparison.Ordinal);
    }

    private static string DigestText(DeliveryRecord delivery, AlertLinks? links)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{CountLine(delivery)}, {AlertText.OneLine(delivery.Period)}");
        foreach (var (speaker, stories) in Grouped(delivery))
        {
            text.AppendLine();
            text.AppendLine(speaker);
            text.AppendLine(new string('=', Math.Min(speaker.Length, 72)));
            foreach (var (story, alerts) in stories)
            {
                text.AppendLine();
                text.AppendLine(CultureInfo.InvariantCulture, $"  {story}");
                foreach (var alert in alerts)
                {
                    text.AppendLine();
                    AppendStatementText(text, alert, "  ");
                    text.AppendLine(CultureInfo.InvariantCulture, $"  {AlertText.ReportedBy(alert)}:");
                    foreach (var source in alert.Sources.DistinctBy(s => s.Url, StringComparer.Ordinal))
                    {
                        text.AppendLine(CultureInfo.InvariantCulture, $"  - {AlertText.OneLine(source.Outlet)} <{AlertText.SafeUrl(source.Url) ?? "no link"}>");
                    }
                }
            }
        }

        if (delivery.Alerts.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Why you got this: {AlertText.WhyLine(delivery.Alerts[0])}");
        }

        if (links is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Unsubscribe: {links.Unsubscribe}");
        }

        return text.ToString();
    }

    private static string DigestHtml(DeliveryRecord delivery, AlertLinks? links)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"color:#555\"><strong>{E(CountLine(delivery))}</strong>, {E(AlertText.OneLine(delivery.Period))}</p>");
        foreach (var (speaker, stories) in Grouped(delivery))
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2 style=\"margin:20px 0 4px;font-size:1.2em\">{E(speaker)}</h2>");
            foreach (var (story, alerts) in stories)
            {
                html.Append(CultureInfo.InvariantCulture, $"<h3 style=\"margin:8px 0 4px;font-size:1em;color:#555\">{E(story)}</h3>");
                foreach (var alert in alerts)
                {
                    html.Append(AlertHtml(alert with { Sources = [.. alert.Sources.DistinctBy(s => s.Url, StringComparer.Ordinal)] }, withByline: false));
                }
            }
        }

        if (delivery.Alerts.Count > 0)
        {
            // A digest's links are about the whole digest: unsubscribe only.
            html.Append(FooterHtml(delivery.Alerts[0], links is null ? null : links with { MuteSpeaker = null, NotRelevant = null }));
        }

        return Page(html.ToString());
    }

    private static string Page(string content)
        => $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:Segoe UI,Arial,sans-serif\">{content}</body></html>";

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Domain(SmtpOptions smtp)
        => smtp.From.LastIndexOf('@') is var at and > 0 ? smtp.From[(at + 1)..] : "alerts.local";
}
