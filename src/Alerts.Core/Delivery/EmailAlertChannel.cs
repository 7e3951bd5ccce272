using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace Alerts.Delivery;

/// <summary>Sends alert emails over SMTP with MailKit.</summary>
public sealed class EmailAlertChannel(IOptionsMonitor<SmtpOptions> options) : IAlertChannel
{
    public string Name => "email";

    public bool CanReach(SubscriberOptions subscriber) => !string.IsNullOrWhiteSpace(subscriber.Email);

    public async Task SendAsync(Alert alert, SubscriberOptions subscriber, CancellationToken cancellationToken)
    {
        var smtp = options.CurrentValue;
        using var message = EmailAlertMessage.Create(alert, subscriber, smtp);
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
