using System.ComponentModel.DataAnnotations;
using System.Net;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Alerts.Delivery;

public sealed class NotifyOptions
{
    public const string Section = "Notify";

    /// <summary>Seeds <c>config/subscriptions.json</c> when that blob does not exist yet. Relative paths are looked up
    /// from the working directory, then from the application's folder upwards.</summary>
    public string? SubscriptionsFile { get; set; }
    /// <summary>How long a loaded subscriptions document is trusted before its ETag is checked again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")] public TimeSpan SubscriptionsRefresh { get; set; } = TimeSpan.FromSeconds(30);
    [Required] public string RedriveSchedule { get; set; } = "0 */1 * * * *";
    [Required] public string DigestSchedule { get; set; } = "0 */5 * * * *";
    [Range(1, 100)] public int MaxAttempts { get; set; } = 10;
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")] public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")] public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);
    /// <summary>How long one attempt owns a pending delivery; after that a crashed attempt is re-driven (at most one repeat).
    /// Must outlast the longest send (<see cref="SendLeaseValidator"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")] public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>How long an analysis may stay half-notified (claimed in the novelty index, outcome not recorded)
    /// before RedriveDeliveries runs NotifySubscribers for it again. Longer than one run with the runtime's retries
    /// (functionTimeout is 10 minutes), so a run still going is not doubled.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")] public TimeSpan ResumeAfter { get; set; } = TimeSpan.FromMinutes(15);
}

public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    [Required] public string Host { get; set; } = "";
    [Range(1, 65535)] public int Port { get; set; } = 25;
    /// <summary>None, StartTls (port 587) or SslOnConnect (implicit TLS, port 465).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    [Required, EmailAddress] public string From { get; set; } = "";
    [Required] public string FromName { get; set; } = "Alerts";
    /// <summary>Where List-Unsubscribe mails go (mailto:); empty means the From address.</summary>
    [EmailAddress] public string? UnsubscribeAddress { get; set; }
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")] public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public string UnsubscribeMailbox => string.IsNullOrWhiteSpace(UnsubscribeAddress) ? From : UnsubscribeAddress;
}

public sealed class TeamsOptions
{
    public const string Section = "Teams";

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")] public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Lets a webhook be plain http on a loopback address (a local test server). Off by default: a webhook
    /// URL carries its signature, which must not cross any network in the clear.</summary>
    public bool AllowLoopbackWebhooks { get; set; }

    /// <summary>The section whose keys a subscriber's webhookSetting may name, and nothing else: whoever can edit the
    /// subscriptions blob must not be able to make the app post to a URL held in another setting.</summary>
    public const string WebhooksSection = "Teams:Webhooks";

    /// <summary>The key under <see cref="WebhooksSection"/> that a webhookSetting names (Teams__Webhooks__Analysts or
    /// Teams:Webhooks:Analysts gives Analysts), or null when it names a setting outside the section.</summary>
    public static string? WebhookKey(string? setting)
    {
        if (string.IsNullOrEmpty(setting))
        {
            return null;
        }
        var normalized = setting.Replace("__", ":", StringComparison.Ordinal);
        var prefix = WebhooksSection + ":";
        if (!normalized.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var key = normalized[prefix.Length..];
        return key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? key : null;
    }
}

/// <summary>Checks DataAnnotations cannot: the TLS mode, and credentials never sent in the clear to a remote server.</summary>
public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        var errors = new List<string>();
        if (options.Security is not (SecureSocketOptions.None or SecureSocketOptions.StartTls or SecureSocketOptions.SslOnConnect))
        {
            errors.Add($"Smtp:Security must be None, StartTls or SslOnConnect (was {options.Security}): the others may fall back to plain text.");
        }

        var hasUser = !string.IsNullOrEmpty(options.UserName);
        var hasPassword = !string.IsNullOrEmpty(options.Password);
        if (hasPassword && !hasUser)
        {
            errors.Add("Smtp:UserName is required when Smtp:Password is set.");
        }

        if (hasUser && options.Security == SecureSocketOptions.None && !IsLoopback(options.Host))
        {
            errors.Add("Smtp:Security must be StartTls or SslOnConnect when Smtp:UserName is set: credentials would cross the network in the clear.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsLoopback(string host)
        => host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}

/// <summary>A send still running when its lease ends is claimed and sent again alongside it, so the lease must outlast
/// the longest send: a whole SMTP conversation, or a Teams post after its pacing wait.</summary>
public sealed class SendLeaseValidator(IOptionsMonitor<SmtpOptions> smtp, IOptionsMonitor<TeamsOptions> teams) : IValidateOptions<NotifyOptions>
{
    public ValidateOptionsResult Validate(string? name, NotifyOptions options)
    {
        var errors = new List<string>();
        if (ValidOrNull(smtp) is { } valid && options.SendLease <= valid.Timeout)
        {
            errors.Add($"Notify:SendLease ({options.SendLease}) must be longer than Smtp:Timeout ({valid.Timeout}): a send still running when its lease ends is sent a second time.");
        }

        if (ValidOrNull(teams) is { } teamsOptions)
        {
            var longest = teamsOptions.Timeout + TeamsAlertChannel.MaxPacingDelay;
            if (options.SendLease <= longest)
            {
                errors.Add($"Notify:SendLease ({options.SendLease}) must be longer than Teams:Timeout plus the pacing wait of up to {TeamsAlertChannel.MaxPacingDelay.TotalSeconds:0} s ({longest}): a post still running when its lease ends is sent a second time.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Invalid options are reported by their own validation, once, naming their settings.</summary>
    private static T? ValidOrNull<T>(IOptionsMonitor<T> options) where T : class
    {
        try
        {
            return options.CurrentValue;
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }
}

/// <summary>The seed file, when given, must exist and be a valid document: start-up stops naming the subscriber and field.</summary>
public sealed class NotifyOptionsValidator : IValidateOptions<NotifyOptions>
{
    public ValidateOptionsResult Validate(string? name, NotifyOptions options)
    {
        var errors = new List<string>();
        foreach (var (setting, schedule) in new[] { ("Notify:RedriveSchedule", options.RedriveSchedule), ("Notify:DigestSchedule", options.DigestSchedule) })
        {
            if (!Fetching.NCrontabShape.IsValid(schedule))
            {
                errors.Add($"{setting} '{schedule}' is not a six-field NCRONTAB expression (seconds first), e.g. \"0 */1 * * * *\".");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.SubscriptionsFile))
        {
            if (SubscriptionsFile.Resolve(options.SubscriptionsFile) is not { } path)
            {
                errors.Add($"Notify:SubscriptionsFile: '{options.SubscriptionsFile}' does not exist.");
            }
            else
            {
                var result = SubscriptionsReader.Read(File.ReadAllBytes(path));
                errors.AddRange(result.Errors.Select(e => $"Notify:SubscriptionsFile ({path}): {e}"));
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

internal static class SubscriptionsFile
{
    public static string? Resolve(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return File.Exists(path) ? path : null;
        }

        if (File.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, path);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
