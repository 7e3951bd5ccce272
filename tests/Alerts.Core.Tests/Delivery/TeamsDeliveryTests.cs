using System.Text.Json.Nodes;
using Alerts.Delivery;
using Alerts.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Tests.Delivery;

/// <summary>Teams alerts against a local HTTP server standing in for the Workflows webhook.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class TeamsDeliveryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Setting = "Teams__Webhooks__Desk";
    private const string WebhookPath = "/workflows/abc/triggers/manual/paths/invoke";
    private LocalHttpServer server = null!;
    private readonly List<string> bodies = [];

    public async Task InitializeAsync() => server = await LocalHttpServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Notify_TeamsSubscriber_PostsAdaptiveCard14WithFactsAndOpenUrlActions()
    {
        MapStatuses(202);
        await using var harness = await StartAsync();

        await harness.NotifyAsync(EmailDeliveryTests.Analysis("Helen Marsh", "We are preparing every option along the border with Mexico."), "a1.json");

        var message = JsonNode.Parse(Assert.Single(bodies))!;
        Assert.Equal("message", (string?)message["type"]);
        var attachment = Assert.Single((JsonArray)message["attachments"]!)!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        var card = attachment["content"]!;
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.4", (string?)card["version"]);
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)card["$schema"]);
        var body = (JsonArray)card["body"]!;
        Assert.All(body, element => Assert.True((string?)element!["type"] is "TextBlock" or "FactSet"));
        Assert.All(body.Where(e => (string?)e!["type"] == "TextBlock"), e => Assert.False(string.IsNullOrEmpty((string?)e!["text"])));
        Assert.Contains(body, e => ((string?)e!["text"] ?? "").Contains("**Helen Marsh** \u2014 U.S. Defense Secretary", StringComparison.Ordinal));
        Assert.Contains(body, e => ((string?)e!["text"] ?? "").Contains("We are preparing every option", StringComparison.Ordinal));
        var facts = ((JsonArray)body.Single(e => (string?)e!["type"] == "FactSet")!["facts"]!)
            .ToDictionary(f => (string)f!["title"]!, f => (string)f!["value"]!);
        Assert.Equal(["Assessment", "First seen", "Reported by"], facts.Keys);
        Assert.Equal("negative, relevant", facts["Assessment"]);
        Assert.Equal("1 outlet", facts["Reported by"]);
        var action = Assert.Single((JsonArray)card["actions"]!)!;
        Assert.Equal("Action.OpenUrl", (string?)action["type"]);
        Assert.Equal("https://news.example.org/2026/a1", (string?)action["url"]);
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await harness.RecordsAsync()).Status);
    }

    [Fact]
    public async Task Attempt_Webhook429ThenOk_WaitsForRetryAfterAndSendsOnce()
    {
        MapStatuses(429, 200);
        await using var harness = await StartAsync();

        await harness.NotifyAsync(EmailDeliveryTests.Analysis("Helen Marsh", "We are preparing every option along the border with Mexico."), "a1.json");

        var pending = Assert.Single(await harness.RecordsAsync());
        Assert.Equal(DeliveryStatus.Pending, pending.Status);
        Assert.Contains("429", pending.LastError, StringComparison.Ordinal);
        // The server's Retry-After (7 s) wins over the first back-off step (1 s).
        Assert.Equal(DeliveryHarness.Start.AddSeconds(7), pending.NextAttempt);
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, await harness.Ledger.RedriveAsync(CancellationToken.None));
        harness.Time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(1, await harness.Ledger.RedriveAsync(CancellationToken.None));
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await harness.Ledger.RedriveAsync(CancellationToken.None));

        Assert.Equal(2, server.CountRequests(WebhookPath));
        Assert.Equal(bodies[0], bodies[1]);
        var sent = Assert.Single(await harness.RecordsAsync());
        Assert.Equal(DeliveryStatus.Sent, sent.Status);
        Assert.Equal(0, await harness.PendingMarkersAsync());
    }

    [Fact]
    public async Task Attempt_Webhook429Storm_HonoursEveryRetryAfterAndSendsOnce()
    {
        MapStatuses(429, 429, 429, 429, 202);
        await using var harness = await StartAsync();

        await harness.NotifyAsync(EmailDeliveryTests.Analysis("Helen Marsh", "We are preparing every option along the border with Mexico."), "a1.json");
        for (var storm = 1; storm <= 4; storm++)
        {
            var pending = Assert.Single(await harness.RecordsAsync());
            Assert.Equal((DeliveryStatus.Pending, storm), (pending.Status, pending.Attempts));
            // The server's Retry-After (7 s), or the back-off once it is longer (8 s at the fourth attempt).
            var wait = TimeSpan.FromSeconds(Math.Max(7, Math.Pow(2, storm - 1)));
            Assert.Equal(harness.Time.GetUtcNow() + wait, pending.NextAttempt);
            harness.Time.Advance(wait - TimeSpan.FromSeconds(1));
            Assert.Equal(0, await harness.Ledger.RedriveAsync(CancellationToken.None));
            harness.Time.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(1, await harness.Ledger.RedriveAsync(CancellationToken.None));
        }

        harness.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await harness.Ledger.RedriveAsync(CancellationToken.None));
        Assert.Equal(5, server.CountRequests(WebhookPath));
        var sent = Assert.Single(await harness.RecordsAsync());
        Assert.Equal((DeliveryStatus.Sent, 5), (sent.Status, sent.Attempts));
    }

    [Fact]
    public async Task Attempt_Webhook500ThenOk_RetriesAndSendsOnce()
    {
        MapStatuses(500, 500, 202);
        await using var harness = await StartAsync();

        await harness.NotifyAsync(EmailDeliveryTests.Analysis("Helen Marsh", "We are preparing every option along the border with Mexico."), "a1.json");
        Assert.Contains("HTTP 500", Assert.Single(await harness.RecordsAsync()).LastError, StringComparison.Ordinal);
        for (var i = 0; i < 4; i++)
        {
            harness.Time.Advance(TimeSpan.FromSeconds(5));
            await harness.Ledger.RedriveAsync(CancellationToken.None);
        }

        Assert.Equal(3, server.CountRequests(WebhookPath));
        var sent = Assert.Single(await harness.RecordsAsync());
        Assert.Equal((DeliveryStatus.Sent, 3), (sent.Status, sent.Attempts));
    }

    [Fact]
    public async Task Attempt_WebhookSlowerThanTeamsTimeout_IsRetriedAndSendsOnce()
    {
        var calls = 0;
        server.Map(WebhookPath, async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                // The first post hangs past Teams:Timeout.
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            }

            context.Response.StatusCode = 202;
        });
        await using var harness = await StartAsync(new() { ["Teams:Timeout"] = "00:00:01" });

        await harness.NotifyAsync(EmailDeliveryTests.Analysis("Helen Marsh", "We are preparing every option along the border with Mexico."), "a1.json");

        var pending = Assert.Single(await harness.RecordsAsync());
        Assert.Equal((DeliveryStatus.Pending, "webhook timed out"), (pending.Status, pending.LastError));
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await harness.Ledger.RedriveAsync(CancellationToken.None));
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await harness.Ledger.RedriveAsync(CancellationToken.None));
        Assert.Equal(2, calls);
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await harness.RecordsAsync()).Status);
    }

    [Fact]
    public async Task Attempt_Webhook404_RecordedAsFailedAndNotRetried()
    {
        MapStatuses(404);
        await using var harness = await StartAsync();

        await harness.NotifyAsync(EmailDeliveryTests.Analysis("Helen Marsh", "We are preparing every option along the border with Mexico."), "a1.json");
        for (var i = 0; i < 3; i++)
        {
            harness.Time.Advance(TimeSpan.FromHours(1));
            await harness.Ledger.RedriveAsync(CancellationToken.None);
        }

        Assert.Equal(1, server.CountRequests(WebhookPath));
        var failed = Assert.Single(await harness.RecordsAsync());
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("HTTP 404", failed.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookPath, failed.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await harness.PendingMarkersAsync());
    }

    [Fact]
    public async Task Attempt_Webhook503Always_GivesUpAfterMaxAttempts()
    {
        MapStatuses(503);
        await using var harness = await StartAsync();

        await harness.NotifyAsync(EmailDeliveryTests.Analysis("Helen Marsh", "We are preparing every option along the border with Mexico."), "a1.json");
        for (var i = 0; i < 10; i++)
        {
            harness.Time.Advance(TimeSpan.FromMinutes(2));
            await harness.Ledger.RedriveAsync(CancellationToken.None);
        }

        Assert.Equal(5, server.CountRequests(WebhookPath));
        var failed = Assert.Single(await harness.RecordsAsync());
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.StartsWith("gave up after 5 attempts", failed.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "(the Teams webhook URL) is not set")]
    [InlineData("@Microsoft.KeyVault(VaultName=alerts-kv;SecretName=teams-webhook-desk)", "(the Teams webhook URL) is an unresolved Key Vault reference")]
    public async Task Attempt_WebhookSettingMissingOrUnresolved_WaitsNamingTheSettingThenPostsOnceItIsThere(string? value, string reason)
    {
        MapStatuses(202);
        await using var harness = await DeliveryHarness.StartAsync(
            azurite,
            Samples.Subscriptions(Samples.TeamsSubscriber("desk", Setting)),
            smtpPort: 1,
            new Dictionary<string, string?> { ["Teams:Webhooks:Desk"] = value });

        await harness.NotifyAsync(EmailDeliveryTests.Analysis("Helen Marsh", "We are preparing every option along the border with Mexico."), "a1.json");
        for (var i = 0; i < 10; i++)
        {
            harness.Time.Advance(TimeSpan.FromMinutes(1));
            await harness.Ledger.RedriveAsync(CancellationToken.None);
        }

        var blocked = Assert.Single(await harness.RecordsAsync());
        Assert.Equal(DeliveryStatus.Pending, blocked.Status);
        Assert.Equal(0, blocked.Attempts);
        Assert.Equal($"blocked: configuration: setting '{Setting}' {reason}", blocked.LastError);
        Assert.Equal(0, server.CountRequests(WebhookPath));

        harness.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Teams:Webhooks:Desk"] = server.Url(WebhookPath).AbsoluteUri;
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await harness.Ledger.RedriveAsync(CancellationToken.None));

        Assert.Equal(1, server.CountRequests(WebhookPath));
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await harness.RecordsAsync()).Status);
    }

    [Fact]
    public async Task Attempt_PlainHttpLoopbackWebhookNotAllowed_FailsPermanentlyWithoutPosting()
    {
        MapStatuses(202);
        await using var harness = await DeliveryHarness.StartAsync(
            azurite,
            Samples.Subscriptions(Samples.TeamsSubscriber("desk", Setting)),
            smtpPort: 1,
            new Dictionary<string, string?>
            {
                ["Teams:Webhooks:Desk"] = server.Url(WebhookPath).AbsoluteUri,
                ["Teams:AllowLoopbackWebhooks"] = "false",
            });

        await harness.NotifyAsync(EmailDeliveryTests.Analysis("Helen Marsh", "We are preparing every option along the border with Mexico."), "a1.json");

        var failed = Assert.Single(await harness.RecordsAsync());
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Contains($"setting '{Setting}' is not an https URL", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(0, server.CountRequests(WebhookPath));
    }

    [Fact]
    public async Task Send_RecordNamingASettingOutsideTheWebhooksSection_FailsPermanentlyWithoutReadingIt()
    {
        MapStatuses(202);
        await using var harness = await DeliveryHarness.StartAsync(
            azurite, subscriptionsJson: null, smtpPort: 1,
            new Dictionary<string, string?> { ["Smtp:Relay"] = server.Url(WebhookPath).AbsoluteUri });
        var channel = harness.Services.GetServices<IAlertChannel>().Single(c => c.Name == "teams");
        var record = new DeliveryHarnessRecord(Samples.Alert()).Value with { Channel = "teams", Address = "Smtp__Relay" };

        var outcome = await channel.SendAsync(record, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Permanent("setting 'Smtp__Relay' is not in the Teams__Webhooks__ section"), outcome);
        Assert.Equal(0, server.CountRequests(WebhookPath));
    }

    [Fact]
    public async Task Teams_HostileArticleText_CannotInjectLinksMentionsOrMarkup()
    {
        MapStatuses(200);
        await using var harness = await StartAsync();
        var longLine = string.Concat(Enumerable.Repeat("overlongwordwithoutanyspaces", 2000));
        var alert = Samples.Alert(
            speaker: "[Mallory](https://evil.example/me) <at>All</at>",
            role: "**boss** _of_ `everything`",
            text: Samples.HostileText + longLine,
            outlet: "[Evil](https://evil.example)",
            url: "javascript:alert(1)");
        var record = harness.Record(alert, "desk", "teams", Setting);
        await harness.Ledger.CreateAsync(record, CancellationToken.None);

        await harness.Ledger.AttemptAsync(record.Id, CancellationToken.None);

        var payload = Assert.Single(bodies);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(payload) <= TeamsCard.MaxPayloadBytes);
        var card = JsonNode.Parse(payload)!["attachments"]![0]!["content"]!;
        var texts = ((JsonArray)card["body"]!).Select(e => (string?)e!["text"] ?? "").ToList();
        var all = string.Join("\n", texts);
        Assert.DoesNotContain("](", all.Replace("\\](", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("<at>", all, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", all, StringComparison.Ordinal);
        Assert.DoesNotContain("https://evil", all, StringComparison.Ordinal);
        Assert.Contains("\\[Mallory\\]", all, StringComparison.Ordinal);
        Assert.Contains("\\*\\*boss\\*\\*", all, StringComparison.Ordinal);
        // The long statement is cut with an ellipsis; no source has a safe link, so no action and no "read more" link.
        Assert.Contains(texts, t => t.EndsWith("\u2026\u201D_", StringComparison.Ordinal));
        Assert.Null(card["actions"]);
    }

    [Fact]
    public void Card_LongStatementWithSafeSource_IsCutWithEllipsisAndLinkUnderTheLimit()
    {
        var alert = Samples.Alert(text: string.Join(' ', Enumerable.Repeat("The border operation will continue until the cartels are gone.", 800)));
        var record = new DeliveryHarnessRecord(alert).Value;

        var payload = TeamsCard.Payload(record);

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(payload) <= TeamsCard.MaxPayloadBytes);
        var body = (JsonArray)JsonNode.Parse(payload)!["attachments"]![0]!["content"]!["body"]!;
        Assert.Contains(body, e => ((string?)e!["text"] ?? "").EndsWith("\u2026\u201D_", StringComparison.Ordinal));
        Assert.Contains(body, e => (string?)e!["text"] == "[Read the full statement](https://news.example.org/2026/marsh-options)");
    }

    private Task<DeliveryHarness> StartAsync(Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["Teams:Webhooks:Desk"] = server.Url(WebhookPath).AbsoluteUri;
        return DeliveryHarness.StartAsync(azurite, Samples.Subscriptions(Samples.TeamsSubscriber("desk", Setting)), smtpPort: 1, settings);
    }

    /// <summary>Answers each POST with the next status (the last one repeats), recording the body.</summary>
    private void MapStatuses(params int[] statuses)
    {
        var calls = 0;
        server.Map(WebhookPath, async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            lock (bodies)
            {
                bodies.Add(body);
            }

            var status = statuses[Math.Min(Interlocked.Increment(ref calls) - 1, statuses.Length - 1)];
            context.Response.StatusCode = status;
            if (status == 429)
            {
                context.Response.Headers.RetryAfter = "7";
            }
        });
    }

    private sealed class DeliveryHarnessRecord(Alert alert)
    {
        public DeliveryRecord Value { get; } = new()
        {
            Id = "k/desk/teams",
            Kind = DeliveryKind.Alert,
            SubscriberId = "desk",
            SubscriberName = "Desk",
            Channel = "teams",
            Address = Setting,
            MessageId = "k.desk",
            Alerts = [alert],
            Status = DeliveryStatus.Pending,
            Created = DeliveryHarness.Start,
        };
    }
}
