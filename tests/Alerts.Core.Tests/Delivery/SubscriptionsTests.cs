using System.Text;
using Alerts.Analysis;
using Alerts.Delivery;

namespace Alerts.Tests.Delivery;

public sealed class SubscriptionsTests
{
    [Fact]
    public void Read_SampleFile_IsValid()
    {
        var result = SubscriptionsReader.Read(File.ReadAllBytes(Path.Combine(RepoPaths.Samples, "subscriptions.json")));

        Assert.Empty(result.Errors);
        Assert.Contains(result.Document!.Subscribers, s => s.Id == "desk" && s.Cadence == Cadence.Immediate);
        Assert.Contains(result.Document.Subscribers, s => s.Channels.Teams?.WebhookSetting == "Teams__Webhooks__Analysts");
    }

    [Theory]
    [InlineData("""{"id": "ops", "name": "Ops", "channels": {}}""", "subscribers[0] ('ops'): channels needs an email or a teams channel")]
    [InlineData("""{"id": "ops", "name": "Ops", "channels": {"email": {"address": "nope"}}}""", "subscribers[0] ('ops'): channels.email.address must be an email address")]
    [InlineData("""{"id": "ops", "name": "Ops", "channels": {"teams": {"webhookSetting": "https://prod.example/workflows/x"}}}""", "subscribers[0] ('ops'): channels.teams.webhookSetting must be the name of an app setting")]
    [InlineData("""{"id": "ops", "name": "Ops", "channels": {"email": {"address": "o@example.test"}}, "filters": {"minRelevance": 2}}""", "subscribers[0] ('ops'): filters.minRelevance must be between 0 and 1")]
    [InlineData("""{"id": "ops", "name": "Ops", "channels": {"email": {"address": "o@example.test"}}, "filters": {"sentiment": ["angry"]}}""", "subscribers[0] ('ops'): filters.sentiment has 'angry'")]
    [InlineData("""{"id": "ops", "name": "Ops", "channels": {"email": {"address": "o@example.test"}}, "timeZone": "Europe/Atlantis"}""", "subscribers[0] ('ops'): timeZone 'Europe/Atlantis' is not an IANA time zone")]
    [InlineData("""{"id": "ops", "name": "Ops", "channels": {"email": {"address": "o@example.test"}}, "digestHour": 24}""", "subscribers[0] ('ops'): digestHour must be an hour from 0 to 23")]
    [InlineData("""{"name": "Ops", "channels": {"email": {"address": "o@example.test"}}}""", "subscribers[0]: id is required")]
    [InlineData("""{"id": "ops", "name": "Ops", "channels": {"email": {"address": "o@example.test"}}, "cadence": "weekly"}""", "$.subscribers[0].cadence")]
    [InlineData("""{"id": "ops", "name": "Ops", "channels": {"email": {"address": "o@example.test"}}, "emial": "typo"}""", "$.subscribers[0]")]
    public void Read_InvalidSubscriber_NamesSubscriberAndField(string subscriber, string expected)
    {
        var result = SubscriptionsReader.Read(Encoding.UTF8.GetBytes($$"""{"subscribers": [{{subscriber}}]}"""));

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Smtp__Password")]
    [InlineData("AzureWebJobsStorage")]
    [InlineData("Analysis:Language:Key")]
    [InlineData("Teams__Timeout")]
    [InlineData("Teams__Webhooks__")]
    [InlineData("Teams__Webhooks__Desk__Url")]
    [InlineData("TeamsX__Webhooks__Desk")]
    public void Read_WebhookSettingOutsideTheWebhooksSection_IsRejectedNamingSubscriberAndSetting(string setting)
    {
        var result = SubscriptionsReader.Read(Encoding.UTF8.GetBytes(
            $$$$"""{"subscribers": [{"id": "ops", "name": "Ops", "channels": {"teams": {"webhookSetting": "{{{{setting}}}}"}}}]}"""));

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith($"subscribers[0] ('ops'): channels.teams.webhookSetting '{setting}' is not a setting in the Teams__Webhooks__ section", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Teams__Webhooks__Analysts")]
    [InlineData("Teams:Webhooks:Night-Desk_2")]
    [InlineData("teams__webhooks__desk")]
    public void Read_WebhookSettingInTheWebhooksSection_IsAccepted(string setting)
    {
        var result = SubscriptionsReader.Read(Encoding.UTF8.GetBytes(
            $$$$"""{"subscribers": [{"id": "ops", "name": "Ops", "channels": {"teams": {"webhookSetting": "{{{{setting}}}}"}}}]}"""));

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Read_DuplicateIds_NamesTheSecond()
    {
        var result = SubscriptionsReader.Read(Encoding.UTF8.GetBytes(Samples.Subscriptions(
            Samples.EmailSubscriber("ops", "a@example.test"), Samples.EmailSubscriber("OPS", "b@example.test"))));

        Assert.Equal("subscribers[1] ('OPS'): id is used by another subscriber.", Assert.Single(result.Errors));
    }

    [Theory]
    [InlineData("""{"speakers": ["Marsh"]}""", true)]
    [InlineData("""{"speakers": ["Helen Marsh", "Teresa Campos"]}""", true)]
    [InlineData("""{"speakers": ["Mars"]}""", false)]
    [InlineData("""{"organisations": ["defense"]}""", true)]
    [InlineData("""{"organisations": ["Navy"]}""", false)]
    [InlineData("""{"countries": ["MX"]}""", true)]
    [InlineData("""{"countries": ["Guatemala"]}""", false)]
    [InlineData("""{"countries": ["US"]}""", true)]
    [InlineData("""{"minRelevance": 0.8}""", true)]
    [InlineData("""{"minRelevance": 0.81}""", false)]
    [InlineData("""{"sentiment": ["negative"]}""", true)]
    [InlineData("""{"sentiment": ["positive", "neutral"]}""", false)]
    [InlineData("""{"speakers": ["Marsh"], "sentiment": ["positive"]}""", false)]
    public void Matches_Filters_AllGivenFiltersMustMatch(string filters, bool expected)
    {
        var subscriber = SubscriptionsReader.Read(Encoding.UTF8.GetBytes(Samples.Subscriptions(Samples.EmailSubscriber("s", "s@example.test", filters: filters)))).Document!.Subscribers[0];

        Assert.Equal(expected, subscriber.Filters.Matches(Samples.Alert()));
    }

    [Fact]
    public void Matches_CountryUs_DoesNotMatchThePronounUs()
    {
        var filters = new SubscriberFilters { Countries = ["US"] };

        Assert.False(filters.Matches(Samples.Alert(role: "Mexican President", text: "Let us keep working on trade with Canada.")));
        Assert.True(filters.Matches(Samples.Alert(role: "Mexican President", text: "The U.S. must respect our borders.")));
    }

    [Fact]
    public void Matches_SpeakerKindOrganization_MatchesOrganisationByName()
    {
        var filters = new SubscriberFilters { Organisations = ["Pentagon"] };

        Assert.True(filters.Matches(Samples.Alert(speaker: "The Pentagon", role: null, kind: SpeakerKind.Organization)));
        Assert.False(filters.Matches(Samples.Alert(speaker: "Pentagon Papers author", role: null, kind: SpeakerKind.Person)));
    }

    [Fact]
    public void DigestPeriod_Hourly_IsTheLocalHourEndingInTheSubscribersZone()
    {
        var subscriber = new Subscriber { Id = "s", Cadence = Cadence.Hourly, TimeZone = "Asia/Kolkata" };

        var period = DigestPeriod.For(subscriber, new DateTimeOffset(2026, 3, 5, 14, 20, 0, TimeSpan.Zero)); // 19:50 IST

        Assert.Equal("h2026030519", period.Key);
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 14, 30, 0, TimeSpan.Zero), period.Due);
    }

    [Theory]
    [InlineData("2026-03-05T12:00:00Z", "d20260305", "2026-03-05T13:00:00Z")] // 06:00 CST, before 07:00
    [InlineData("2026-03-05T13:00:00Z", "d20260306", "2026-03-06T13:00:00Z")] // 07:00 CST: the next day's digest
    [InlineData("2026-03-08T10:00:00Z", "d20260308", "2026-03-08T12:00:00Z")] // DST starts 8 March: 07:00 CDT is 12:00 UTC
    public void DigestPeriod_Daily_EndsAtTheDigestHourLocalTime(string now, string key, string due)
    {
        var subscriber = new Subscriber { Id = "s", Cadence = Cadence.Daily, TimeZone = "America/Chicago", DigestHour = 7 };

        var period = DigestPeriod.For(subscriber, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(key, period.Key);
        Assert.Equal(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture), period.Due);
    }

    [Theory]
    [InlineData(1, null, 1)]
    [InlineData(3, null, 4)]
    [InlineData(20, null, 60)]
    [InlineData(1, 7, 7)]
    [InlineData(3, 2, 4)]
    public void RetryDelay_BacksOffExponentiallyAndHonoursALongerRetryAfter(int attempts, int? retryAfterSeconds, int expectedSeconds)
    {
        var settings = new NotifyOptions { RetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromMinutes(1) };

        var delay = DeliveryLedger.RetryDelay(attempts, retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null, settings);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Theory]
    [InlineData("StartTlsWhenAvailable", "", "", "127.0.0.1", "Smtp:Security must be None, StartTls or SslOnConnect")]
    [InlineData("None", "user", "secret", "smtp.example.com", "credentials would cross the network in the clear")]
    [InlineData("StartTls", "", "secret", "smtp.example.com", "Smtp:UserName is required when Smtp:Password is set")]
    public void SmtpOptionsValidator_UnsafeSettings_NameTheSetting(string security, string user, string password, string host, string expected)
    {
        var result = new SmtpOptionsValidator().Validate(null, Smtp(security, user, password, host));

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SslOnConnect", "user", "secret", "smtp.example.com")]
    [InlineData("StartTls", "user", "secret", "smtp.example.com")]
    [InlineData("None", "", "", "smtp.example.com")]
    [InlineData("None", "user", "secret", "127.0.0.1")]
    public void SmtpOptionsValidator_SafeSettings_Pass(string security, string user, string password, string host)
        => Assert.True(new SmtpOptionsValidator().Validate(null, Smtp(security, user, password, host)).Succeeded);

    [Fact]
    public void Escape_MarkdownAndMentions_AreNeutralised()
    {
        var escaped = TeamsCard.Escape("- [x](https://evil.example) **b** _i_ `c` ~s~ <at>All</at> www.evil.example");

        Assert.Equal("\\- \\[x\\](https:\u200B//evil.example) \\*\\*b\\*\\* \\_i\\_ \\`c\\` \\~s\\~ \u2039at\u203AAll\u2039/at\u203A www\u200B.evil.example", escaped);
    }

    [Fact]
    public void Escape_NumberedListStart_IsEscapedBeforeTheDot()
        => Assert.Equal("1\\. We will act", TeamsCard.Escape("1. We will act"));

    [Fact]
    public void Subject_NamesSpeakerAndStartsTheQuoteOnOneLine()
    {
        var subject = EmailAlertMessage.Subject(Samples.Alert(text: "We will act\r\nwithin days if the cartels keep attacking citizens along the border, and we mean it."));

        Assert.Equal("Helen Marsh: \u201CWe will act within days if the cartels keep attacking citizens along\u2026\u201D", subject);
    }

    private static SmtpOptions Smtp(string security, string user, string password, string host) => new()
    {
        Host = host,
        From = "a@example.test",
        Security = Enum.Parse<MailKit.Security.SecureSocketOptions>(security),
        UserName = user,
        Password = password,
    };
}
