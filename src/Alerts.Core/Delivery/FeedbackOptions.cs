using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Alerts.Delivery;

/// <summary>The signed links in every alert (one-click unsubscribe, mute this speaker, not relevant) and the endpoint
/// that acts on them.</summary>
public sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    /// <summary>Where subscribers reach the feedback endpoint, without its path: the function app's https URL on Azure,
    /// http://127.0.0.1:PORT locally. Empty: no links, and List-Unsubscribe names only the mailto.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The HMAC-SHA256 key the links are signed with: a secret (Key Vault on Azure), at least 32 characters.
    /// Changing it voids every link already sent.</summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a link works after its alert was written.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")] public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(60);

    /// <summary>The local host's endpoint port on 127.0.0.1; 0 serves none (the Azure app has its HTTP function).</summary>
    [Range(0, 65535)] public int ListenPort { get; set; }

    /// <summary>How often an edit of the subscriptions document is tried again after another writer changed it first.</summary>
    [Range(1, 100)] public int MaxEditAttempts { get; set; } = 20;

    public const int MinKeyChars = 32;
}

/// <summary>A base URL needs a key, and both must be usable: an unresolved Key Vault reference is left to run time
/// (links are left out until it resolves), a short key or a non-http(s) URL stops start-up.</summary>
public sealed class FeedbackOptionsValidator : IValidateOptions<FeedbackOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedbackOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.BaseUrl)
            && !(Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && string.IsNullOrEmpty(uri.Query)))
        {
            errors.Add($"Feedback:BaseUrl '{options.BaseUrl}' must be an absolute http(s) URL without a query, e.g. https://alerts-prod.azurewebsites.net.");
        }

        if (!string.IsNullOrWhiteSpace(options.BaseUrl) && string.IsNullOrEmpty(options.SigningKey))
        {
            errors.Add("Feedback:SigningKey is required when Feedback:BaseUrl is set (a secret of at least 32 characters; Key Vault on Azure).");
        }
        else if (!string.IsNullOrEmpty(options.SigningKey) && !KeyVaultReference.IsUnresolved(options.SigningKey) && options.SigningKey.Length < FeedbackOptions.MinKeyChars)
        {
            errors.Add($"Feedback:SigningKey must be at least {FeedbackOptions.MinKeyChars} characters.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
