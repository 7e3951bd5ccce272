using System.Text.RegularExpressions;

namespace Alerts.Text;

/// <summary>Scrubs secrets from text that came from outside (exception messages, a server's error text or reason phrase)
/// before it is logged or stored: the values this code knows are secret, and the query or connection-string parameters
/// that carry one (a webhook's <c>sig=</c>, an <c>AccountKey=</c>), since a server may echo a request back.</summary>
public static partial class Redact
{
    public const string Mask = "[redacted]";

    /// <param name="known">Secret values in play (a key, a password, a webhook URL); null or empty ones are skipped.</param>
    public static string Secrets(string? text, params ReadOnlySpan<string?> known)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        foreach (var secret in known)
        {
            // A value of a character or two would mask half the message and protect nothing.
            if (secret is { Length: >= 4 })
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return SecretParameter().Replace(text, m => m.Groups["name"].Value + Mask);
    }

    // "name=value" as in a query or connection string, and the two headers that carry a credential.
    [GeneratedRegex(@"(?<name>\b(?:(?:sig|code|key|apikey|api_key|password|pwd|token|access_token|client_secret|AccountKey|SharedAccessKey|SharedAccessSignature)\s*=|(?:Ocp-Apim-Subscription-Key|Authorization)\s*:\s*(?:Bearer\s+|Basic\s+)?)\s*)(?!\[redacted\])[^&;,\s""']+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretParameter();
}
