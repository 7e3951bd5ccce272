using System.ComponentModel.DataAnnotations;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Alerts.Delivery;

public sealed class NotifyOptions
{
    public const string Section = "Notify";

    public List<SubscriberOptions> Subscribers { get; set; } = [];
}

public sealed class SubscriberOptions
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    [Range(0.0, 1.0)] public double MinRelevance { get; set; }
}

public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    [Required] public string Host { get; set; } = "";
    [Range(1, 65535)] public int Port { get; set; } = 25;
    /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    [Required, EmailAddress] public string From { get; set; } = "";
    [Required] public string FromName { get; set; } = "Alerts";
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")] public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Names the bad subscriber and field; DataAnnotations does not look inside lists.</summary>
public sealed class NotifyOptionsValidator : IValidateOptions<NotifyOptions>
{
    public ValidateOptionsResult Validate(string? name, NotifyOptions options)
    {
        var errors = new List<string>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Subscribers.Count; i++)
        {
            var subscriber = options.Subscribers[i];
            var label = string.IsNullOrWhiteSpace(subscriber.Id) ? $"Notify:Subscribers:{i}" : $"Notify:Subscribers:{i} ('{subscriber.Id}')";
            if (string.IsNullOrWhiteSpace(subscriber.Id))
            {
                errors.Add($"{label}: Id is required.");
            }
            else if (!ids.Add(subscriber.Id))
            {
                errors.Add($"{label}: Id is used by another subscriber.");
            }

            if (!new EmailAddressAttribute().IsValid(subscriber.Email) || string.IsNullOrWhiteSpace(subscriber.Email))
            {
                errors.Add($"{label}: Email must be an email address.");
            }

            if (subscriber.MinRelevance is < 0 or > 1)
            {
                errors.Add($"{label}: MinRelevance must be between 0 and 1.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
