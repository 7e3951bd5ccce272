using System.Text.Json.Nodes;
using Alerts.Delivery;
using Microsoft.Extensions.Options;

namespace Alerts.Tests.Delivery;

/// <summary>What a subscriber reads: the email (HTML and text) and the Teams card of one alert and of a digest.</summary>
public sealed class AlertRenderingTests
{
    private const string Key = "test-signing-key-0123456789-abcdefghijklmnop";
    private static readonly SmtpOptions Smtp = new() { Host = "127.0.0.1", From = "alerts@example.test", UnsubscribeAddress = "unsubscribe@example.test" };

    internal static FeedbackLinks Links(string baseUrl = "https://alerts.example.test", string key = Key)
        => new(new FixedOptions<FeedbackOptions>(new FeedbackOptions { BaseUrl = baseUrl, SigningKey = key }));

    /// <summary>A statement in Spanish with everything the analysis can give: context, a summary, an earlier talking point.</summary>
    internal static Alert Rich() => Samples.Alert(
            speaker: "Teresa Campos",
            role: "Mexican President",
            text: "No aceptaremos ninguna intervención militar en nuestro territorio.",
            relevance: 1.0,
            sentiment: -0.7)
        with
    {
        Language = "es",
        Context = "Washington announced on Monday that it was weighing strikes on cartel laboratories.",
        Echoes = "Nuestra soberanía no se negocia.",
        Matched = ["speaker \u201CCampos\u201D", "country Mexico"],
        Sources =
        [
            new AlertSource("Frontera Daily", "Campos rejects intervention", "https://frontera.example/campos"),
            new AlertSource("Gulf Coast Wire", "Mexico says no to strikes", "https://gulf.example/no-strikes"),
        ],
    };

    private static DeliveryRecord Record(DeliveryKind kind, params Alert[] alerts) => new()
    {
        Id = "x",
        Kind = kind,
        SubscriberId = "desk",
        SubscriberName = "Desk",
        Channel = "email",
        Address = "desk@example.test",
        MessageId = "m",
        Alerts = alerts,
        Period = "2026-03-05 08:00\u201309:00 (UTC)",
        Status = DeliveryStatus.Pending,
        Created = DeliveryHarness.Start,
    };

    [Fact]
    public void Email_RichAlert_ShowsSpeakerLanguageContextNoveltyOutletsWhyAndLinksInWords()
    {
        var delivery = Record(DeliveryKind.Alert, Rich());
        var links = Links().For(delivery)!;

        using var email = EmailAlertMessage.Create(delivery, Smtp, links);

        var text = email.TextBody!;
        Assert.StartsWith("Repeated talking point \u00B7 in Spanish (es)\r\nTeresa Campos, Mexican President (Mexico)", text.ReplaceLineEndings("\r\n"), StringComparison.Ordinal);
        Assert.Contains("\u201CNo aceptaremos ninguna intervención militar en nuestro territorio.\u201D", text, StringComparison.Ordinal);
        Assert.Contains("Context: Washington announced on Monday that it was weighing strikes on cartel laboratories.", text, StringComparison.Ordinal);
        Assert.Contains("Strongly negative, highly relevant; first seen 2026-03-05 13:50 UTC.", text, StringComparison.Ordinal);
        Assert.Contains("Said before: \u201CNuestra soberanía no se negocia.\u201D", text, StringComparison.Ordinal);
        Assert.Contains("Reported by 2 outlets since 2026-03-05 13:50 UTC:", text, StringComparison.Ordinal);
        Assert.Contains("- Gulf Coast Wire: Mexico says no to strikes <https://gulf.example/no-strikes>", text, StringComparison.Ordinal);
        Assert.Contains("Why you got this: You follow speaker \u201CCampos\u201D; country Mexico.", text, StringComparison.Ordinal);
        Assert.Contains($"Mute Teresa Campos: {links.MuteSpeaker}", text, StringComparison.Ordinal);
        Assert.Contains($"Unsubscribe: {links.Unsubscribe}", text, StringComparison.Ordinal);
        // Scores are words: no raw number anywhere a reader sees.
        Assert.DoesNotContain("1.00", text, StringComparison.Ordinal);
        Assert.DoesNotContain("-0.70", text, StringComparison.Ordinal);

        var html = email.HtmlBody;
        Assert.Contains("<blockquote lang=\"es\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://frontera.example/campos\">Campos rejects intervention</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{System.Net.WebUtility.HtmlEncode(links.NotRelevant)}\">Not relevant</a>", html, StringComparison.Ordinal);
        Assert.Contains("Strongly negative, highly relevant", html, StringComparison.Ordinal);
        Assert.DoesNotContain("1.00", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Email_WithLinks_HasRfc8058OneClickHeadersBesideTheMailto()
    {
        var delivery = Record(DeliveryKind.Alert, Samples.Alert());
        var links = Links().For(delivery)!;

        using var email = EmailAlertMessage.Create(delivery, Smtp, links);

        Assert.StartsWith("https://alerts.example.test/api/feedback?t=", links.Unsubscribe, StringComparison.Ordinal);
        Assert.Equal($"<{links.Unsubscribe}>, <mailto:unsubscribe@example.test?subject=unsubscribe%20desk>", email.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public void Email_WithoutLinks_HasOnlyTheMailtoAndNoOneClickHeader()
    {
        using var email = EmailAlertMessage.Create(Record(DeliveryKind.Alert, Samples.Alert()), Smtp, links: null);

        Assert.Equal("<mailto:unsubscribe@example.test?subject=unsubscribe%20desk>", email.Headers["List-Unsubscribe"]);
        Assert.Null(email.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("You receive every new statement on the watched topic.", email.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("New statement", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Card_RichAlert_HasWordsNoNeedlessEscapesAndOpenUrlPerOutletAndFeedback()
    {
        var delivery = Record(DeliveryKind.Alert, Rich()) with { Channel = "teams", Address = "Teams__Webhooks__Desk" };
        var links = Links().For(delivery)!;

        var payload = TeamsCard.Payload(delivery, links);

        var card = JsonNode.Parse(payload)!["attachments"]![0]!["content"]!;
        Assert.Equal("1.4", (string?)card["version"]);
        var body = (JsonArray)card["body"]!;
        Assert.All(body, e => Assert.True((string?)e!["type"] is "TextBlock" or "FactSet"));
        var texts = body.Select(e => (string?)e!["text"]).Where(t => t is not null).ToList();
        Assert.Equal("Repeated talking point", texts[0]);
        Assert.Equal("**Teresa Campos** \u2014 Mexican President (Mexico)", texts[1]);
        Assert.Contains("Context: Washington announced on Monday that it was weighing strikes on cartel laboratories.", texts);
        var facts = ((JsonArray)body.Single(e => (string?)e!["type"] == "FactSet")!["facts"]!)
            .ToDictionary(f => (string)f!["title"]!, f => (string)f!["value"]!);
        Assert.Equal("strongly negative, highly relevant", facts["Assessment"]);
        Assert.Equal("Spanish (es)", facts["Language"]);
        Assert.Equal("2 outlets since 2026-03-05 13:50 UTC", facts["Reported by"]);
        // A backslash appears only where markdown needs one: never before a digit's full stop or a hyphen mid-text.
        Assert.DoesNotContain("\\", payload.Replace("\\u", "", StringComparison.Ordinal).Replace("\\\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var actions = ((JsonArray)card["actions"]!).Select(a => ((string)a!["type"]!, (string)a["title"]!, (string)a["url"]!)).ToList();
        Assert.Equal(
            [
                ("Action.OpenUrl", "Frontera Daily", "https://frontera.example/campos"),
                ("Action.OpenUrl", "Gulf Coast Wire", "https://gulf.example/no-strikes"),
                ("Action.OpenUrl", "Mute this speaker", links.MuteSpeaker!),
                ("Action.OpenUrl", "Not relevant", links.NotRelevant!),
            ],
            actions);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(payload) <= TeamsCard.TeamsLimitBytes);
    }

    [Theory]
    [InlineData("1.00", "1.00")]
    [InlineData("-0.29", "-0.29")]
    [InlineData("- a list", "\\- a list")]
    [InlineData("2) second", "2\\) second")]
    public void Escape_ListMarkers_OnlyBeforeWhiteSpace(string text, string expected)
        => Assert.Equal(expected, TeamsCard.Escape(text));

    [Fact]
    public void Digest_ReadsLikeABriefing_CountLineSpeakersNewestFirstEachStatementOnceWithItsOutlets()
    {
        var older = Samples.Alert(key: "old", text: "The navy stands ready.", title: "Navy on alert") with { FirstSeen = DeliveryHarness.Start.AddHours(-2) };
        var newer = Samples.Alert(key: "new", speaker: "Teresa Campos", role: "Mexican President", text: "Our sovereignty is not negotiable.", title: "Campos answers")
            with
        { FirstSeen = DeliveryHarness.Start.AddHours(-1), Sources = [new("Frontera Daily", "Campos answers", "https://frontera.example/a"), new("Gulf Coast Wire", "Campos answers", "https://gulf.example/a")] };
        var sameStory = Samples.Alert(key: "mid", text: "Every option is on the table.", title: "Navy on alert") with { FirstSeen = DeliveryHarness.Start.AddMinutes(-90) };
        var delivery = Record(DeliveryKind.Digest, older, newer, sameStory, older);

        using var email = EmailAlertMessage.Create(delivery, Smtp, Links().For(delivery));

        var text = email.TextBody!;
        Assert.StartsWith("3 new statements from 2 speakers in 2 stories, 2026-03-05 08:00\u201309:00 (UTC)", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Teresa Campos", StringComparison.Ordinal) < text.IndexOf("Helen Marsh", StringComparison.Ordinal), "newest speaker first");
        Assert.True(text.IndexOf("Every option", StringComparison.Ordinal) < text.IndexOf("The navy stands", StringComparison.Ordinal), "newest statement first within a story");
        Assert.Equal(1, Count(text, "The navy stands ready."));
        Assert.Equal(1, Count(text, "  Navy on alert"));
        Assert.Contains("  - Gulf Coast Wire <https://gulf.example/a>", text, StringComparison.Ordinal);
        Assert.Contains("Unsubscribe: https://alerts.example.test/api/feedback?t=", text, StringComparison.Ordinal);
        Assert.Equal(1, Count(email.HtmlBody!, "The navy stands ready."));
        Assert.Contains("<strong>3 new statements from 2 speakers in 2 stories</strong>", email.HtmlBody, StringComparison.Ordinal);

        var card = JsonNode.Parse(TeamsCard.Payload(delivery with { Channel = "teams" }))!["attachments"]![0]!["content"]!;
        Assert.Equal("Alerts digest: 3 new statements from 2 speakers in 2 stories", (string?)card["body"]![0]!["text"]);
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

internal sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue { get; set; } = value;

    public T Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
