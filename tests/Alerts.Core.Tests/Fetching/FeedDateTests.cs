using Alerts.Fetching;

namespace Alerts.Tests.Fetching;

public sealed class FeedDateTests
{
    [Theory]
    [InlineData("Sat, 09 Aug 2025 14:03:00 GMT", "2025-08-09T14:03:00Z")]
    [InlineData("Sat, 9 Aug 2025 14:03:00 EDT", "2025-08-09T18:03:00Z")]
    [InlineData("Sat, 9 Aug 2025 14:03 PST", "2025-08-09T22:03:00Z")]
    [InlineData("Sat, 09 Aug 2025 14:03:00 GMT+2", "2025-08-09T12:03:00Z")]
    [InlineData("Sat, 09 Aug 2025 14:03:00 UTC-05:00", "2025-08-09T19:03:00Z")]
    [InlineData("9 Aug 2025 14:03:00 +0530", "2025-08-09T08:33:00Z")]
    [InlineData("Saturday, 09 August 2025 14:03:00 CEST", "2025-08-09T12:03:00Z")]
    [InlineData("Sat, 09 Aug 25 14:03:00 +0000", "2025-08-09T14:03:00Z")]
    [InlineData("Sat, 09 Aug 2025 14:03:00 +0000 (UTC)", "2025-08-09T14:03:00Z")]
    [InlineData("Sat, 09 Aug 2025 14:03:00", "2025-08-09T14:03:00Z")]
    [InlineData("2025-08-09T14:03:00Z", "2025-08-09T14:03:00Z")]
    [InlineData("2025-08-09T14:03:00.123+02:00", "2025-08-09T12:03:00.123Z")]
    [InlineData("2025-08-09 14:03", "2025-08-09T14:03:00Z")]
    [InlineData("2025-08-09", "2025-08-09T00:00:00Z")]
    [InlineData("20250809T120000Z", "2025-08-09T12:00:00Z")]
    [InlineData("1754748180", "2025-08-09T14:03:00Z")]
    [InlineData("1754748180000", "2025-08-09T14:03:00Z")]
    [InlineData("2025-08-09T14:03:00+0200", "2025-08-09T12:03:00Z")]
    [InlineData("Sat,9 Aug 2025 14:03:00 -0400", "2025-08-09T18:03:00Z")]
    public void Parse_KnownShapes_ReturnsUtcInstant(string text, string expected)
    {
        var parsed = FeedDate.Parse(text);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed);
        Assert.Equal(TimeSpan.Zero, parsed!.Value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("Sat, 31 Feb 2025 14:03:00 GMT")]
    [InlineData("Sat, 09 Aug 2025 14:03:00 XYZT")]
    [InlineData("Sat, 09 Foo 2025 14:03:00 GMT")]
    public void Parse_Unreadable_ReturnsNull(string text) => Assert.Null(FeedDate.Parse(text));

    // Each of these threw ArgumentOutOfRangeException from FeedDate and stopped the whole fetch run.
    [Theory]
    [InlineData("Sat, 14 Mar 2026 09:30:00 +1430")]
    [InlineData("Sat, 14 Mar 2026 09:30:00 -1459")]
    [InlineData("Sat, 14 Mar 2026 09:30:00 GMT+14:30")]
    [InlineData("Fri, 31 Dec 9999 23:59:59 -0200")]
    [InlineData("Mon, 01 Jan 0001 00:00:00 +0100")]
    [InlineData("Sat, 01 Jan 0000 00:00:00 GMT")]
    [InlineData("29 Feb 0000 12:00:00 GMT")]
    [InlineData("9999-12-31T23:59:59-02:00")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("9999-12-31 23:59:59 -14:00")]
    [InlineData("12/31/9999 23:59:59 -02:00")]
    public void Parse_OutOfRangeDateOrOffset_ReturnsNullWithoutThrowing(string text) => Assert.Null(FeedDate.Parse(text));

    [Theory]
    [InlineData("Sat, 14 Mar 2026 09:30:00 +1400", "2026-03-13T19:30:00Z")]
    [InlineData("Fri, 31 Dec 9999 23:59:59 +0200", "9999-12-31T21:59:59Z")]
    public void Parse_AtTheEdgeOfTheRange_StillReadsTheDate(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FeedDate.Parse(text));
}
