using System.Globalization;
using System.Text.RegularExpressions;

namespace Alerts.Fetching;

/// <summary>
/// Reads the dates feeds really send: RFC 822 with named or odd zones ("EDT", "GMT+2", no day name),
/// ISO 8601 with or without "T" and zone, GDELT's compact form and unix seconds. Results are in UTC. Never throws:
/// anything it cannot place on the calendar (out-of-range years and offsets included) is null.
/// </summary>
internal static partial class FeedDate
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
        "yyyyMMdd'T'HHmmss'Z'", "yyyyMMddHHmmss",
    ];

    // Offsets in hours of the zone abbreviations RFC 822 names, plus ones seen in the wild.
    private static readonly Dictionary<string, double> ZoneHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = 0,
        ["UT"] = 0,
        ["UTC"] = 0,
        ["Z"] = 0,
        ["WET"] = 0,
        ["EST"] = -5,
        ["EDT"] = -4,
        ["CST"] = -6,
        ["CDT"] = -5,
        ["MST"] = -7,
        ["MDT"] = -6,
        ["PST"] = -8,
        ["PDT"] = -7,
        ["AKST"] = -9,
        ["AKDT"] = -8,
        ["HST"] = -10,
        ["AST"] = -4,
        ["ADT"] = -3,
        ["NST"] = -3.5,
        ["NDT"] = -2.5,
        ["BST"] = 1,
        ["IST"] = 5.5,
        ["CET"] = 1,
        ["CEST"] = 2,
        ["MET"] = 1,
        ["MEST"] = 2,
        ["EET"] = 2,
        ["EEST"] = 3,
        ["WEST"] = 1,
        ["MSK"] = 3,
        ["JST"] = 9,
        ["KST"] = 9,
        ["HKT"] = 8,
        ["SGT"] = 8,
        ["AWST"] = 8,
        ["ACST"] = 9.5,
        ["AEST"] = 10,
        ["AEDT"] = 11,
        ["NZST"] = 12,
        ["NZDT"] = 13,
    };

    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    internal const int MaxChars = 100;

    /// <summary>The instant in UTC, or null when the text is not a date we can read.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var value = text.Trim();
        // No date is longer; a longer text is not worth running the patterns over.
        if (value.Length > MaxChars)
        {
            return null;
        }
        if (value.Length is >= 9 and <= 13 && value.All(char.IsAsciiDigit))
        {
            return FromUnix(long.Parse(value, CultureInfo.InvariantCulture));
        }
        if (DateTimeOffset.TryParseExact(value, IsoFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var iso))
        {
            return iso.ToUniversalTime();
        }
        return ParseRfc822(value) ?? ParseAnyInvariant(value);
    }

    // Last resort for shapes the lists above miss ("2025-08-09T14:03:00+0200", "08/09/2025 14:03:00 +00:00").
    private static DateTimeOffset? ParseAnyInvariant(string value) =>
        value.Any(char.IsAsciiDigit)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)
            ? parsed.ToUniversalTime()
            : null;

    public static DateTimeOffset? FromUnix(long seconds)
    {
        // Thirteen digits are milliseconds (JavaScript timestamps).
        if (seconds > 100_000_000_000)
        {
            seconds /= 1000;
        }
        return seconds is > 0 and < 253_402_300_800 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
    }

    private static DateTimeOffset? ParseRfc822(string value)
    {
        var match = Rfc822().Match(value);
        if (!match.Success)
        {
            return null;
        }
        var month = Array.IndexOf(Months, match.Groups["month"].Value[..3].ToLowerInvariant()) + 1;
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["year"].Length == 2)
        {
            year += year < 50 ? 2000 : 1900;
        }
        var hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture);
        var second = match.Groups["second"].Success ? int.Parse(match.Groups["second"].Value, CultureInfo.InvariantCulture) : 0;
        var offset = ZoneOffset(match.Groups["zone"].Value);
        if (month == 0 || offset is null || year is < 1 or > 9999 || day is < 1 or > 31 || hour > 23 || minute > 59 || second > 60
            || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }
        // The offset may carry the instant past year 9999 or before year 1 ("31 Dec 9999 23:59:59 -0200"), which
        // DateTimeOffset refuses with an exception; such a date is as unreadable as "yesterday".
        var utcTicks = new DateTime(year, month, day, hour, minute, Math.Min(second, 59)).Ticks - offset.Value.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return null;
        }
        return new DateTimeOffset(utcTicks, TimeSpan.Zero);
    }

    private static TimeSpan? ZoneOffset(string zone)
    {
        if (zone.Length == 0)
        {
            return TimeSpan.Zero;
        }
        var numeric = NumericZone().Match(zone);
        if (numeric.Success)
        {
            var hours = int.Parse(numeric.Groups["hours"].Value, CultureInfo.InvariantCulture);
            var minutes = numeric.Groups["minutes"].Success ? int.Parse(numeric.Groups["minutes"].Value, CultureInfo.InvariantCulture) : 0;
            if (hours > 14 || minutes > 59)
            {
                return null;
            }
            var offset = new TimeSpan(hours, minutes, 0);
            // DateTimeOffset allows ±14:00 and throws beyond it ("+1430"); no real zone is further out.
            if (offset > MaxOffset)
            {
                return null;
            }
            return numeric.Groups["sign"].Value == "-" ? -offset : offset;
        }
        return ZoneHours.TryGetValue(zone, out var known) ? TimeSpan.FromHours(known) : null;
    }

    // Day name optional, comma optional, seconds optional, zone optional; a trailing "(UTC)" comment is ignored.
    [GeneratedRegex("""^(?:[A-Za-z]+\.?,?\s*)?(?<day>\d{1,2})[\s\-]+(?<month>[A-Za-z]{3,9})\.?[\s\-]+(?<year>\d{2}|\d{4})\s+(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?\s*(?<zone>[A-Za-z]{1,5}(?:\s*[+\-]\d{1,2}(?::?\d{2})?)?|[+\-]\d{1,2}(?::?\d{2})?)?\s*(?:\(.*\))?$""",
        RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822();

    // "+0200", "-05:00", "+2", and the same after "GMT"/"UTC" ("GMT+2").
    [GeneratedRegex("""^(?:GMT|UTC|UT)?\s*(?<sign>[+\-])(?<hours>\d{1,2})(?::?(?<minutes>\d{2}))?$""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumericZone();
}
