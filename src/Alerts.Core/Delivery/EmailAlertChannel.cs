using System.Net.Sockets;
using Alerts.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Microsoft.Extensions.Options;

namespace Alerts.Delivery;

/// <summary>Sends alert emails over SMTP with MailKit, and sorts failures into those a retry can cure (4xx, a broken or
/// refused connection, a timeout), those of the configuration that block every mail until an operator fixes it (an
/// unresolved or missing credential, a refused login, TLS not as configured) and those of this mail that nothing can cure
/// (5xx such as 550, an address MimeKit rejects).</summary>
public sealed class EmailAlertChannel(IOptionsMonitor<SmtpOptions> options, FeedbackLinks links) : IAlertChannel
{
    public string Name => "email";

    public string? AddressFor(Subscriber subscriber) => subscriber.Channels?.Email?.Address is { Length: > 0 } address ? address : null;

    public async Task<DeliveryOutcome> SendAsync(DeliveryRecord delivery, CancellationToken cancellationToken)
    {
        var smtp = options.CurrentValue;
        if (ConfigurationProblem(smtp) is { } problem)
        {
            return DeliveryOutcome.Blocked(problem);
        }

        MimeMessage message;
        try
        {
            message = EmailAlertMessage.Create(delivery, smtp, links.For(delivery));
        }
        catch (ParseException e)
        {
            // The subscriptions check is looser than MimeKit's addr-spec: no retry can make the address valid.
            return DeliveryOutcome.Permanent($"the address is not one MimeKit accepts: {e.Message}");
        }

        using (message)
        {
            return await SendAsync(message, smtp, cancellationToken);
        }
    }

    private static async Task<DeliveryOutcome> SendAsync(MimeMessage message, SmtpOptions smtp, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        // MailKit's Timeout bounds each read and write; the whole conversation must end within it too, because the send
        // lease is only checked to outlast Smtp:Timeout.
        using var conversation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        conversation.CancelAfter(smtp.Timeout);
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, conversation.Token);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", conversation.Token);
            }

            await client.SendAsync(message, conversation.Token);
            await client.DisconnectAsync(quit: true, conversation.Token);
            return DeliveryOutcome.Success;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryOutcome.Transient($"the SMTP conversation took longer than Smtp:Timeout ({smtp.Timeout})");
        }
        catch (SmtpCommandException e)
        {
            var code = (int)e.StatusCode;
            var reason = $"SMTP {code} ({e.ErrorCode}): {Redact.Secrets(e.Message, smtp.Password)}";
            return e.StatusCode == SmtpStatusCode.AuthenticationRequired ? DeliveryOutcome.Blocked($"{reason} (check Smtp:UserName and Smtp:Password)")
                : code is >= 400 and < 500 ? DeliveryOutcome.Transient(reason)
                : DeliveryOutcome.Permanent(reason);
        }
        catch (AuthenticationException e)
        {
            return DeliveryOutcome.Blocked($"SMTP authentication failed (check Smtp:UserName and Smtp:Password): {Redact.Secrets(e.Message, smtp.Password)}");
        }
        catch (SslHandshakeException e)
        {
            return DeliveryOutcome.Blocked($"TLS handshake with the SMTP server failed (check Smtp:Security and Smtp:Port): {Redact.Secrets(e.Message, smtp.Password)}");
        }
        catch (NotSupportedException e)
        {
            // E.g. StartTls against a server that offers no STARTTLS: configuration, not luck.
            return DeliveryOutcome.Blocked($"SMTP server does not support the configured security: {Redact.Secrets(e.Message, smtp.Password)}");
        }
        catch (Exception e) when (e is SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException)
        {
            return DeliveryOutcome.Transient($"{e.GetType().Name}: {Redact.Secrets(e.Message, smtp.Password)}");
        }
    }

    /// <summary>Checked before connecting: a Key Vault reference must not be sent to the server as a password.</summary>
    private static string? ConfigurationProblem(SmtpOptions smtp)
    {
        foreach (var (setting, value) in new[] { ("Smtp:Host", smtp.Host), ("Smtp:UserName", smtp.UserName), ("Smtp:Password", smtp.Password) })
        {
            if (KeyVaultReference.IsUnresolved(value))
            {
                return $"{setting} is an unresolved Key Vault reference (check the app's access to the vault and the secret's name)";
            }
        }

        return !string.IsNullOrEmpty(smtp.UserName) && string.IsNullOrEmpty(smtp.Password)
            ? "Smtp:Password is not set, but Smtp:UserName is"
            : null;
    }
}
