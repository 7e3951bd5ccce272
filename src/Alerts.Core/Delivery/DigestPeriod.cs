using System.Globalization;

namespace Alerts.Delivery;

/// <summary>The digest period an alert falls into for a subscriber, in the subscriber's time zone: the local hour for
/// hourly digests; for daily ones the day that ends at <c>digestHour</c> local time. <see cref="Due"/> is when it may go.</summary>
public sealed record DigestPeriod(string Key, string Label, DateTimeOffset Due)
{
    public static DigestPeriod For(Subscriber subscriber, DateTimeOffset instant)
    {
        var zone = subscriber.Zone();
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        if (subscriber.Cadence == Cadence.Hourly)
        {
            var start = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, local.Offset);
            // The offset of the instant itself: no invalid or ambiguous local times at DST changes.
            var end = start.AddHours(1);
            return new DigestPeriod(
                "h" + start.ToString("yyyyMMddHH", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd HH:mm}\u2013{end:HH:mm} ({subscriber.TimeZone})"),
                end.ToUniversalTime());
        }

        var endLocal = local.Date.AddHours(subscriber.DigestHour);
        if (local.DateTime >= endLocal)
        {
            endLocal = endLocal.AddDays(1);
        }

        var due = new DateTimeOffset(endLocal, zone.GetUtcOffset(endLocal));
        return new DigestPeriod(
            "d" + endLocal.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"24 hours to {endLocal:yyyy-MM-dd HH:mm} ({subscriber.TimeZone})"),
            due.ToUniversalTime());
    }
}
