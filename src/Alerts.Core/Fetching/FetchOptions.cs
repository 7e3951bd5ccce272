using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Alerts.Fetching;

public sealed class FetchOptions
{
    public const string Section = "Fetch";

    /// <summary>Six-field NCRONTAB (seconds first), UTC.</summary>
    [Required] public string Schedule { get; set; } = "0 */5 * * * *";

    [Required, MinLength(1, ErrorMessage = "Fetch:Sources needs at least one source (Fetch__Sources__0__Name and Fetch__Sources__0__Url).")]
    public List<FeedSource> Sources { get; set; } = [];

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    [Range(1024, 64 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 5 * 1024 * 1024;

    [Range(1, 32)]
    public int MaxConcurrentSources { get; set; } = 4;

    /// <summary>Fetch the article page when the feed gives only a summary shorter than this.</summary>
    [Range(0, 100_000)]
    public int FullTextBelowChars { get; set; } = 600;

    [Required] public string UserAgent { get; set; } = "AlertsBot/1.0 (news monitoring)";
}

public sealed class FeedSource
{
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    public bool Enabled { get; set; } = true;
}

/// <summary>Checks each source and names the bad one, which DataAnnotations alone cannot do for list items.</summary>
public sealed class FetchOptionsValidator : IValidateOptions<FetchOptions>
{
    public ValidateOptionsResult Validate(string? name, FetchOptions options)
    {
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var source = options.Sources[i];
            var label = string.IsNullOrWhiteSpace(source.Name) ? $"Fetch:Sources:{i}" : $"Fetch:Sources:{i} ('{source.Name}')";
            if (string.IsNullOrWhiteSpace(source.Name))
            {
                errors.Add($"{label}: Name is required.");
            }
            else if (!names.Add(source.Name))
            {
                errors.Add($"{label}: Name is used by another source.");
            }

            if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"{label}: Url must be an absolute http or https URL.");
            }
        }

        if (!NCrontabShape.IsValid(options.Schedule))
        {
            errors.Add($"Fetch:Schedule '{options.Schedule}' is not a six-field NCRONTAB expression (seconds first), e.g. \"0 */5 * * * *\".");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>A shape check of a six-field cron expression; the trigger engine does the full parse.</summary>
internal static class NCrontabShape
{
    public static bool IsValid(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return false;
        }

        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length == 6 && fields.All(f => f.All(c => char.IsAsciiLetterOrDigit(c) || c is '*' or '/' or ',' or '-' or '?'));
    }
}
