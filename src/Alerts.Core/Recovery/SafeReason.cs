using System.Text.RegularExpressions;

namespace Alerts.Recovery;

/// <summary>An exception's message fit for a record an operator reads and a log: one line, no query strings or user
/// info in URLs (SAS tokens, webhook signatures), no key=value secrets, bounded.</summary>
internal static partial class SafeReason
{
    private const int MaxLength = 300;

    public static string Of(Exception exception)
    {
        var line = exception.Message.Split('\n', 2)[0].Trim();
        line = Url().Replace(line, m => m.Groups["scheme"].Value + m.Groups["rest"].Value);
        line = Secret().Replace(line, m => m.Groups["name"].Value + "=***");
        return line.Length <= MaxLength ? line : line[..MaxLength] + "…";
    }

    [GeneratedRegex(@"(?<scheme>[a-z][a-z0-9+.-]*://)(?:[^/\s@]+@)?(?<rest>[^\s?#]*)(?:[?#]\S*)?", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"(?<name>AccountKey|SharedAccessSignature|sig|key|password|pwd|secret|token)\s*[=:]\s*[^\s;&,]+", RegexOptions.IgnoreCase)]
    private static partial Regex Secret();
}
