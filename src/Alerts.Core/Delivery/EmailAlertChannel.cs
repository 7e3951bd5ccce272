using System.Net.Sockets;
using Alerts.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Alerts.Delivery;

/// <summary>Sends alert emails over SMTP with MailKit, and sorts failures into those a retry can cure (4xx, a broken or
/// refused connection, a timeout) and those it cannot (5xx such as 550, failed authentication or TLS).</summary>
public sealed class EmailAlertChannel(IOptionsMonitor<SmtpOptions> options) : IAlertChannel
{
    public string Name => "email";

    public string? AddressFor(Subscriber subscriber) => subscriber.Channels?.Email?.Address is { Length: > 0 } address ? address : null;

    public async Task<DeliveryOutcome> SendAsync(DeliveryRecord delivery, CancellationToken cancellationToken)
    {
        var smtp = options.CurrentValue;
        using var message = EmailAlertMessage.Create(delivery, smtp);
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return DeliveryOutcome.Success;
        }
        catch (SmtpCommandException e)
        {
            var code = (int)e.StatusCode;
            var reason = $"SMTP {code} ({e.ErrorCode}): {Redact.Secrets(e.Message, smtp.Password)}";
            return code is >= 400 and < 500 ? DeliveryOutcome.Transient(reason) : DeliveryOutcome.Permanent(reason);
        }
        catch (AuthenticationException e)
        {
            return DeliveryOutcome.Permanent($"SMTP authentication failed (check Smtp:UserName and Smtp:Password): {Redact.Secrets(e.Message, smtp.Password)}");
        }
        catch (SslHandshakeException e)
        {
            return DeliveryOutcome.Permanent($"TLS handshake with the SMTP server failed (check Smtp:Security and Smtp:Port): {Redact.Secrets(e.Message, smtp.Password)}");
        }
        catch (NotSupportedException e)
        {
            // E.g. StartTls against a server that offers no STARTTLS: configuration, not luck.
            return DeliveryOutcome.Permanent($"SMTP server does not support the configured security: {Redact.Secrets(e.Message, smtp.Password)}");
        }
        catch (Exception e) when (e is SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return DeliveryOutcome.Transient($"{e.GetType().Name}: {Redact.Secrets(e.Message, smtp.Password)}");
        }
    }
}
