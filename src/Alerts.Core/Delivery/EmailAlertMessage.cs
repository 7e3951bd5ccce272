using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;

namespace Alerts.Delivery;

/// <summary>Renders an alert as a multipart (plain text + HTML) email. Every piece of article text is HTML-encoded
/// and only http/https links are rendered.</summary>
public static class EmailAlertMessage
{
    private const int SubjectQuoteChars = 70;

    public static MimeMessage Create(Alert alert, SubscriberOptions subscriber, SmtpOptions smtp)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        message.To.Add(new MailboxAddress(subscriber.Name, subscriber.Email));
        message.Subject = Subject(alert);
        message.MessageId = MessageId(alert, subscriber, smtp);
        message.Date = alert.FirstSeen;
        message.Headers.Add("X-Alerts-Statement", alert.Key);

        var body = new BodyBuilder { TextBody = PlainText(alert), HtmlBody = Html(alert) };
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>The same (subscriber, statement) always gives the same Message-ID, so a resend is recognisably a repeat.</summary>
    public static string MessageId(Alert alert, SubscriberOptions subscriber, SmtpOptions smtp)
    {
        var domain = smtp.From.Contains('@', StringComparison.Ordinal) ? smtp.From[(smtp.From.IndexOf('@', StringComparison.Ordinal) + 1)..] : "alerts.local";
        var local = new StringBuilder(alert.Key).Append('.');
        foreach (var c in subscriber.Id)
        {
            local.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return $"{local}@{domain}";
    }

    public static string Subject(Alert alert)
    {
        var quote = OneLine(alert.Text);
        if (quote.Length > SubjectQuoteChars)
        {
            quote = quote[..SubjectQuoteChars].TrimEnd() + "…";
        }

        return $"{OneLine(alert.Speaker.Name)}: \u201C{quote}\u201D";
    }

    private static string PlainText(Alert alert)
    {
        var text = new StringBuilder();
        text.AppendLine(Byline(alert));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"\u201C{alert.Text}\u201D");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Sentiment: {SentimentLabel(alert.Sentiment)} ({alert.Sentiment:0.00})");
        text.AppendLine(CultureInfo.InvariantCulture, $"Relevance: {alert.Relevance:0.00}");
        text.AppendLine(CultureInfo.InvariantCulture, $"First seen: {alert.FirstSeen:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine("Reported by:");
        foreach (var source in alert.Sources)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {source.Outlet}: {source.Title} <{SafeUrl(source.Url) ?? "(no link)"}>");
        }

        return text.ToString();
    }

    private static string Html(Alert alert)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><body style=\"font-family:Segoe UI,Arial,sans-serif\">");
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"color:#555\">{E(Byline(alert))}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<blockquote style=\"font-size:1.2em;border-left:4px solid #0078d4;margin:0;padding-left:12px\">\u201C{E(alert.Text)}\u201D</blockquote>");
        html.Append("<table style=\"margin-top:12px\">");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>Sentiment</td><td>{E(SentimentLabel(alert.Sentiment))} ({alert.Sentiment:0.00})</td></tr>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>Relevance</td><td>{alert.Relevance:0.00}</td></tr>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>First seen</td><td>{alert.FirstSeen:yyyy-MM-dd HH:mm} UTC</td></tr>");
        html.Append("</table><p>Reported by:</p><ul>");
        foreach (var source in alert.Sources)
        {
            var url = SafeUrl(source.Url);
            html.Append(url is null
                ? $"<li>{E(source.Outlet)}: {E(source.Title)}</li>"
                : $"<li>{E(source.Outlet)}: <a href=\"{E(url)}\">{E(source.Title)}</a></li>");
        }

        html.Append("</ul></body></html>");
        return html.ToString();
    }

    private static string Byline(Alert alert)
        => alert.Speaker.Role is { Length: > 0 } role ? $"{alert.Speaker.Name}, {role}" : alert.Speaker.Name;

    private static string SentimentLabel(double score) => score switch
    {
        <= -0.05 => "negative",
        >= 0.05 => "positive",
        _ => "neutral",
    };

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string? SafeUrl(string url)
        => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;
}
