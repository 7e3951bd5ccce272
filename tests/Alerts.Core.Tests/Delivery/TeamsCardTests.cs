using Alerts.Delivery;

namespace Alerts.Tests.Delivery;

public sealed class TeamsCardTests
{
    [Fact]
    public void Payload_Digest_GroupsBySpeakerWithOneLinkLinePerStatementAndNoActions()
    {
        var digest = new DeliveryRecord
        {
            Id = "digest/desk/h1/teams-x",
            Kind = DeliveryKind.Digest,
            SubscriberId = "desk",
            SubscriberName = "Desk",
            Channel = "teams",
            Address = "Teams__Webhooks__Desk",
            MessageId = "digest.desk",
            Alerts =
            [
                Samples.Alert(key: "a"),
                Samples.Alert(key: "b", speaker: "Teresa Campos", role: "Mexican President", text: "Our sovereignty is not negotiable."),
                Samples.Alert(key: "c", text: "The navy is ready.", url: "ftp://files.example/x"),
            ],
            Period = "2026-03-05 08:00\u201309:00 (America/Mexico_City)",
            Status = DeliveryStatus.Pending,
            Created = DeliveryHarness.Start,
        };

        var card = System.Text.Json.Nodes.JsonNode.Parse(TeamsCard.Payload(digest))!["attachments"]![0]!["content"]!;

        Assert.Equal("1.4", (string?)card["version"]);
        var texts = ((System.Text.Json.Nodes.JsonArray)card["body"]!).Select(e => (string)e!["text"]!).ToList();
        Assert.Equal("Alerts digest: 3 new statements from 2 speakers in 1 story", texts[0]);
        var headings = texts.Where(t => t.StartsWith("**", StringComparison.Ordinal)).ToList();
        Assert.Equal(["**Helen Marsh, U.S. Defense Secretary**", "**Teresa Campos, Mexican President**"], headings);
        // Statements a and b link their source; c's ftp: link is dropped.
        Assert.Equal(2, texts.Count(t => t.Contains("[Gulf Coast Wire](https://news.example.org/2026/marsh-options)", StringComparison.Ordinal)));
        Assert.DoesNotContain(texts, t => t.Contains("ftp:", StringComparison.Ordinal));
        Assert.Null(card["actions"]);
    }

    private static DeliveryRecord Immediate(Alert alert) => new()
    {
        Id = "alert/desk/k1/teams-x",
        Kind = DeliveryKind.Alert,
        SubscriberId = "desk",
        SubscriberName = "Desk",
        Channel = "teams",
        Address = "Teams__Webhooks__Desk",
        MessageId = "alert.desk",
        Alerts = [alert],
        Status = DeliveryStatus.Pending,
        Created = DeliveryHarness.Start,
    };

    [Fact]
    public void Payload_AlertWithTheArticlesSummary_ShowsItUnderTheQuoteAndTheEmailDoesToo()
    {
        var alert = Samples.Alert(text: "No vessel of ours will enter Mexican waters unless Mexico asks us.")
            with
        { Summary = "ruled out sending ships into Mexican waters without consent" };

        var card = System.Text.Json.Nodes.JsonNode.Parse(TeamsCard.Payload(Immediate(alert)))!["attachments"]![0]!["content"]!;
        var texts = ((System.Text.Json.Nodes.JsonArray)card["body"]!).Where(e => e!["text"] is not null).Select(e => (string)e!["text"]!).ToList();
        var quote = texts.FindIndex(t => t.Contains("No vessel of ours", StringComparison.Ordinal));
        var email = EmailAlertMessage.Create(Immediate(alert) with { Channel = "email", Address = "desk@example.test" },
            new SmtpOptions { Host = "127.0.0.1", From = "alerts@example.test" });

        Assert.Equal("In the report: ruled out sending ships into Mexican waters without consent", texts[quote + 1]);
        Assert.Contains("In the report: ruled out sending ships", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("In the report: ruled out sending ships", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Payload_AlertWithoutASummary_HasNoSummaryLine()
    {
        var card = TeamsCard.Payload(Immediate(Samples.Alert()));

        Assert.DoesNotContain("In the report", card, StringComparison.Ordinal);
    }
}
