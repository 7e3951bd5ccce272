using Alerts.Analysis;
using Alerts.Delivery;
using Alerts.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Tests.Delivery;

/// <summary>Email alerts against a real SMTP server (maildev), with durable records in Azurite and a fake clock.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class EmailDeliveryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private MailDev mail = null!;

    public async Task InitializeAsync() => mail = await MailDev.StartAsync();

    public async Task DisposeAsync() => await mail.DisposeAsync();

    [Fact]
    public async Task Notify_ImmediateSubscriber_SendsMultipartEmailWithDeterministicHeaders()
    {
        await using var harness = await DeliveryHarness.StartAsync(
            azurite, Samples.Subscriptions(Samples.EmailSubscriber("desk", "desk@example.test")), mail.SmtpPort);

        await harness.NotifyAsync(Analysis("Helen Marsh", "We are preparing every option along the border with Mexico."), "a1.json");

        var email = Assert.Single(await mail.EmailsAsync());
        Assert.Equal("desk@example.test", Assert.Single(email.To).Address);
        Assert.StartsWith("Helen Marsh: \u201CWe are preparing every option", email.Subject, StringComparison.Ordinal);
        var record = Assert.Single(await harness.RecordsAsync());
        Assert.Equal(DeliveryStatus.Sent, record.Status);
        Assert.Equal($"<{record.MessageId}@alerts.test>", email.Header("message-id"));
        Assert.Equal(MessageIds.For(record.Alerts[0].Key, "desk"), record.MessageId);
        var source = await mail.SourceAsync(email.Id);
        Assert.Contains("List-Unsubscribe: <mailto:unsubscribe@alerts.test?subject=unsubscribe%20desk>", Unfold(source), StringComparison.Ordinal);
        Assert.Contains("multipart/alternative", source, StringComparison.Ordinal);
        Assert.Contains("U.S. Defense Secretary", email.Text, StringComparison.Ordinal);
        Assert.Contains("Negative, relevant; first seen 2026-03-05 13:30 UTC.", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("0.80", email.Text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://news.example.org/2026/a1\">", email.Html, StringComparison.Ordinal);
        Assert.Equal(0, await harness.PendingMarkersAsync());
    }

    [Fact]
    public async Task Notify_SameAnalysisTwice_SendsOnce()
    {
        await using var harness = await DeliveryHarness.StartAsync(
            azurite, Samples.Subscriptions(Samples.EmailSubscriber("desk", "desk@example.test")), mail.SmtpPort);
        var analysis = Analysis("Helen Marsh", "We are preparing every option along the border with Mexico.");

        await harness.NotifyAsync(analysis, "a1.json");
        await harness.NotifyAsync(analysis, "a1.json");

        Assert.Single(await mail.EmailsAsync());
    }

    [Fact]
    public async Task Notify_Filters_OnlyMatchingSubscribersAreSent()
    {
        await using var harness = await DeliveryHarness.StartAsync(
            azurite,
            Samples.Subscriptions(
                Samples.EmailSubscriber("marsh-only", "marsh@example.test", filters: """{"speakers": ["Marsh"]}"""),
                Samples.EmailSubscriber("positive-only", "positive@example.test", filters: """{"sentiment": ["positive"]}"""),
                Samples.EmailSubscriber("strict", "strict@example.test", filters: """{"minRelevance": 0.95}"""),
                Samples.EmailSubscriber("mexico", "mexico@example.test", filters: """{"countries": ["MX"], "organisations": ["Defense"]}""")),
            mail.SmtpPort);

        await harness.NotifyAsync(Analysis("Helen Marsh", "We are preparing every option along the border with Mexico."), "a1.json");

        var recipients = (await mail.EmailsAsync()).Select(e => Assert.Single(e.To).Address).Order().ToList();
        Assert.Equal(["marsh@example.test", "mexico@example.test"], recipients);
    }

    [Fact]
    public async Task Attempt_SmtpDownThenBack_AlertArrivesOnce()
    {
        var port = LocalProcess.FreePort();
        await using var harness = await DeliveryHarness.StartAsync(
            azurite, Samples.Subscriptions(Samples.EmailSubscriber("desk", "desk@example.test")), port);

        await harness.NotifyAsync(Analysis("Helen Marsh", "We are preparing every option along the border with Mexico."), "a1.json");

        var pending = Assert.Single(await harness.RecordsAsync());
        Assert.Equal(DeliveryStatus.Pending, pending.Status);
        Assert.Equal(1, pending.Attempts);
        Assert.Contains("SocketException", pending.LastError, StringComparison.Ordinal);
        Assert.Equal(1, await harness.PendingMarkersAsync());

        await using var late = await MailDev.StartOnPortAsync(port);
        // Not due yet: the redrive leaves it alone.
        Assert.Equal(0, await harness.Ledger.RedriveAsync(CancellationToken.None));
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await harness.Ledger.RedriveAsync(CancellationToken.None));
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await harness.Ledger.RedriveAsync(CancellationToken.None));

        Assert.Single(await late.EmailsAsync());
        var sent = Assert.Single(await harness.RecordsAsync());
        Assert.Equal(DeliveryStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
        Assert.Equal(0, await harness.PendingMarkersAsync());
    }

    [Fact]
    public async Task Attempt_SmtpLogin_SendsWithTheRightCredentials()
    {
        await using var guarded = await MailDev.StartAsync("--incoming-user", "alerts", "--incoming-pass", "secret");
        await using var harness = await DeliveryHarness.StartAsync(
            azurite,
            Samples.Subscriptions(Samples.EmailSubscriber("desk", "desk@example.test")),
            guarded.SmtpPort,
            new Dictionary<string, string?> { ["Smtp:UserName"] = "alerts", ["Smtp:Password"] = "secret" });

        await harness.NotifyAsync(Analysis("Helen Marsh", "We are preparing every option along the border with Mexico."), "a1.json");

        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await harness.RecordsAsync()).Status);
        Assert.Single(await guarded.EmailsAsync());
    }

    [Theory]
    [InlineData("@Microsoft.KeyVault(VaultName=alerts-kv;SecretName=smtp-password)", "Smtp:Password is an unresolved Key Vault reference")]
    [InlineData(null, "Smtp:Password is not set")]
    [InlineData("wrong", "SMTP authentication failed")]
    public async Task Attempt_SmtpPasswordUnresolvedMissingOrRefused_WaitsWithoutUsingUpAttemptsThenSendsOnceFixed(string? password, string reason)
    {
        await using var guarded = await MailDev.StartAsync("--incoming-user", "alerts", "--incoming-pass", "secret");
        await using var harness = await DeliveryHarness.StartAsync(
            azurite,
            Samples.Subscriptions(Samples.EmailSubscriber("desk", "desk@example.test")),
            guarded.SmtpPort,
            new Dictionary<string, string?> { ["Smtp:UserName"] = "alerts", ["Smtp:Password"] = password });

        await harness.NotifyAsync(Analysis("Helen Marsh", "We are preparing every option along the border with Mexico."), "a1.json");
        // Twice as many redrives as Notify:MaxAttempts, each after the longest back-off (Notify:MaxRetryDelay).
        for (var i = 0; i < 10; i++)
        {
            harness.Time.Advance(TimeSpan.FromMinutes(1));
            await harness.Ledger.RedriveAsync(CancellationToken.None);
        }

        var blocked = Assert.Single(await harness.RecordsAsync());
        Assert.Equal(DeliveryStatus.Pending, blocked.Status);
        Assert.Equal(0, blocked.Attempts);
        Assert.StartsWith("blocked: configuration: " + reason, blocked.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", blocked.LastError, StringComparison.Ordinal);
        Assert.Empty(await guarded.EmailsAsync());

        // The secret resolves (or the operator sets it): the next redrive after the back-off sends it, once.
        var configuration = (IConfigurationRoot)harness.Services.GetRequiredService<IConfiguration>();
        configuration["Smtp:Password"] = "secret";
        configuration.Reload();
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await harness.Ledger.RedriveAsync(CancellationToken.None));
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await harness.Ledger.RedriveAsync(CancellationToken.None));

        Assert.Single(await guarded.EmailsAsync());
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await harness.RecordsAsync()).Status);
        Assert.Equal(0, await harness.PendingMarkersAsync());
    }

    [Theory]
    [InlineData("SslOnConnect", "TLS handshake with the SMTP server failed")]
    [InlineData("StartTls", "SMTP server does not support the configured security")]
    public async Task Attempt_TlsRequiredButServerIsPlain_WaitsForTheConfigurationInsteadOfSendingInTheClear(string security, string reason)
    {
        await using var plain = await MailDev.StartAsync("--hide-extensions", "STARTTLS");
        await using var harness = await DeliveryHarness.StartAsync(
            azurite,
            Samples.Subscriptions(Samples.EmailSubscriber("desk", "desk@example.test")),
            plain.SmtpPort,
            new Dictionary<string, string?> { ["Smtp:Security"] = security });

        await harness.NotifyAsync(Analysis("Helen Marsh", "We are preparing every option along the border with Mexico."), "a1.json");

        var record = Assert.Single(await harness.RecordsAsync());
        Assert.Equal(DeliveryStatus.Pending, record.Status);
        Assert.StartsWith("blocked: configuration: " + reason, record.LastError, StringComparison.Ordinal);
        Assert.Empty(await plain.EmailsAsync());
    }

    [Fact]
    public async Task Attempt_SmtpRejectsPermanently_RecordedAsFailedWithTheReasonAndNotRetried()
    {
        await using var small = await MailDev.StartAsync("--max-message-size", "300");
        await using var harness = await DeliveryHarness.StartAsync(
            azurite, Samples.Subscriptions(Samples.EmailSubscriber("desk", "desk@example.test")), small.SmtpPort);

        await harness.NotifyAsync(Analysis("Helen Marsh", "We are preparing every option along the border with Mexico."), "a1.json");
        harness.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await harness.Ledger.RedriveAsync(CancellationToken.None));

        var failed = Assert.Single(await harness.RecordsAsync());
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.StartsWith("SMTP 5", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await harness.PendingMarkersAsync());
        Assert.Empty(await small.EmailsAsync());
    }

    [Theory]
    [InlineData("greeting", "421 4.3.2 service not available, closing channel")]
    [InlineData("mail", "421 4.7.0 too many connections, closing channel")]
    [InlineData("rcpt", "451 4.3.0 mailbox temporarily unavailable")]
    [InlineData("data", "451 4.3.0 local error in processing")]
    public async Task Attempt_SmtpAnswers4xxThen250_RetriesAndTheAlertArrivesOnce(string stage, string reply)
    {
        await using var smtp = new ScriptedSmtpServer();
        smtp.Answer(1, stage, reply);
        await using var harness = await DeliveryHarness.StartAsync(
            azurite, Samples.Subscriptions(Samples.EmailSubscriber("desk", "desk@example.test")), smtp.Port);

        await harness.NotifyAsync(Analysis("Helen Marsh", "We are preparing every option along the border with Mexico."), "a1.json");

        var pending = Assert.Single(await harness.RecordsAsync());
        Assert.Equal((DeliveryStatus.Pending, 1), (pending.Status, pending.Attempts));
        Assert.StartsWith($"SMTP {reply[..3]}", pending.LastError, StringComparison.Ordinal);
        Assert.Equal(0, smtp.Accepted);
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await harness.Ledger.RedriveAsync(CancellationToken.None));
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await harness.Ledger.RedriveAsync(CancellationToken.None));

        Assert.Equal(1, smtp.Accepted);
        var sent = Assert.Single(await harness.RecordsAsync());
        Assert.Equal((DeliveryStatus.Sent, 2), (sent.Status, sent.Attempts));
    }

    [Theory]
    [InlineData("rcpt", "550 5.1.1 no such mailbox")]
    [InlineData("data", "554 5.7.1 message refused")]
    public async Task Attempt_SmtpAnswers5xx_FailsPermanentlyWithTheCodeAndIsNotRetried(string stage, string reply)
    {
        await using var smtp = new ScriptedSmtpServer();
        smtp.Answer(1, stage, reply);
        await using var harness = await DeliveryHarness.StartAsync(
            azurite, Samples.Subscriptions(Samples.EmailSubscriber("desk", "desk@example.test")), smtp.Port);

        await harness.NotifyAsync(Analysis("Helen Marsh", "We are preparing every option along the border with Mexico."), "a1.json");
        harness.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await harness.Ledger.RedriveAsync(CancellationToken.None));

        var failed = Assert.Single(await harness.RecordsAsync());
        Assert.Equal((DeliveryStatus.Failed, 1), (failed.Status, failed.Attempts));
        Assert.StartsWith($"SMTP {reply[..3]}", failed.LastError, StringComparison.Ordinal);
        Assert.Equal((0, 1), (smtp.Accepted, smtp.Connections));
    }

    [Fact]
    public async Task Attempt_CrashAfterSendingBeforeRecording_RepeatsThatOneDeliveryWithTheSameMessageId()
    {
        await using var harness = await DeliveryHarness.StartAsync(
            azurite,
            Samples.Subscriptions(Samples.EmailSubscriber("desk", "desk@example.test")),
            mail.SmtpPort,
            configure: services => services.AddSingleton<IAlertChannel>(sp => new CrashAfterSend(
                ActivatorUtilities.CreateInstance<EmailAlertChannel>(sp))));
        var alert = Samples.Alert();
        var record = harness.Record(alert, "desk", CrashAfterSend.ChannelName, "desk@example.test");
        await harness.Ledger.CreateAsync(record, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Ledger.AttemptAsync(record.Id, CancellationToken.None));
        // Within the lease nobody re-sends; after it the redrive sends that one delivery once more, and then never again.
        Assert.Equal(0, await harness.Ledger.RedriveAsync(CancellationToken.None));
        harness.Time.Advance(TimeSpan.FromSeconds(31));
        harness.Services.GetServices<IAlertChannel>().OfType<CrashAfterSend>().Single().Crash = false;
        Assert.Equal(1, await harness.Ledger.RedriveAsync(CancellationToken.None));
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await harness.Ledger.RedriveAsync(CancellationToken.None);

        var emails = await mail.EmailsAsync();
        Assert.Equal(2, emails.Count);
        Assert.Single(emails.Select(e => e.Header("message-id")).Distinct());
        Assert.Equal(DeliveryStatus.Sent, (await harness.Ledger.ReadAsync(record.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Attempt_LastAllowedAttemptNeverCompleted_RecordedAsFailedWithoutAnotherSend()
    {
        await using var harness = await DeliveryHarness.StartAsync(
            azurite,
            Samples.Subscriptions(Samples.EmailSubscriber("desk", "desk@example.test")),
            mail.SmtpPort,
            new Dictionary<string, string?> { ["Notify:MaxAttempts"] = "1" },
            services => services.AddSingleton<IAlertChannel>(sp => new CrashAfterSend(
                ActivatorUtilities.CreateInstance<EmailAlertChannel>(sp))));
        var record = harness.Record(Samples.Alert(), "desk", CrashAfterSend.ChannelName, "desk@example.test");
        await harness.Ledger.CreateAsync(record, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Ledger.AttemptAsync(record.Id, CancellationToken.None));

        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.Ledger.RedriveAsync(CancellationToken.None);

        Assert.Single(await mail.EmailsAsync());
        var failed = (await harness.Ledger.ReadAsync(record.Id, CancellationToken.None))!;
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.StartsWith("gave up after 1 attempts; the last did not complete", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await harness.PendingMarkersAsync());
    }

    [Fact]
    public async Task Redrive_BadRecordsListedFirst_AreSetAsideAndTheRecordsAfterThemAreSent()
    {
        await using var harness = await DeliveryHarness.StartAsync(
            azurite,
            Samples.Subscriptions(Samples.EmailSubscriber("desk", "desk@example.test")),
            mail.SmtpPort,
            configure: services => services.AddSingleton<IAlertChannel>(sp => new CrashAfterSend(
                ActivatorUtilities.CreateInstance<EmailAlertChannel>(sp))));
        // Names are listed in order: the three bad records come before the good one.
        await harness.Store.UpsertAsync(
            Alerts.Storage.PipelineNames.DeliveriesContainer, DeliveryLedger.PendingPrefix + "a-unreadable/desk/email",
            new { id = "a-unreadable/desk/email", created = harness.Time.GetUtcNow() }, CancellationToken.None);
        await azurite.Service.GetBlobContainerClient(Alerts.Storage.PipelineNames.DeliveriesContainer)
            .UploadBlobAsync(DeliveryLedger.RecordName("a-unreadable/desk/email"), BinaryData.FromString("{\"id\": \"a-unreadable/desk/email\", \"status\":"));
        var badAddress = harness.Record(Samples.Alert(key: "b-address"), "desk", "email", "<desk>@example.test");
        var throwing = harness.Record(Samples.Alert(key: "c-throws"), "desk", CrashAfterSend.ChannelName, "crash@example.test");
        var good = harness.Record(Samples.Alert(key: "d-good"), "desk", "email", "desk@example.test");
        foreach (var record in new[] { badAddress, throwing, good })
        {
            await harness.Ledger.CreateAsync(record, CancellationToken.None);
        }

        Assert.Equal(2, await harness.Ledger.RedriveAsync(CancellationToken.None));

        var emails = await mail.EmailsAsync();
        Assert.Equal(["crash@example.test", "desk@example.test"], emails.Select(e => Assert.Single(e.To).Address).Order());
        Assert.Equal(DeliveryStatus.Sent, (await harness.Ledger.ReadAsync(good.Id, CancellationToken.None))!.Status);
        var rejected = (await harness.Ledger.ReadAsync(badAddress.Id, CancellationToken.None))!;
        Assert.Equal(DeliveryStatus.Failed, rejected.Status);
        Assert.StartsWith("the address is not one MimeKit accepts", rejected.LastError, StringComparison.Ordinal);
        // The unreadable record is out of the redrive and out of listings; the one that threw waits out its lease.
        Assert.Equal(3, (await harness.RecordsAsync()).Count);
        Assert.Equal(1, await harness.PendingMarkersAsync());
        Assert.Equal(DeliveryStatus.Pending, (await harness.Ledger.ReadAsync(throwing.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Redrive_MarkerWithoutRecord_KeptWhileTheRecordMayBeBeingWrittenThenCleanedUp()
    {
        await using var harness = await DeliveryHarness.StartAsync(
            azurite, Samples.Subscriptions(Samples.EmailSubscriber("desk", "desk@example.test")), mail.SmtpPort);
        await harness.Store.UpsertAsync(
            Alerts.Storage.PipelineNames.DeliveriesContainer, DeliveryLedger.PendingPrefix + "k9/desk/email",
            new { id = "k9/desk/email", created = harness.Time.GetUtcNow() }, CancellationToken.None);

        await harness.Ledger.RedriveAsync(CancellationToken.None);
        Assert.Equal(1, await harness.PendingMarkersAsync());
        harness.Time.Advance(TimeSpan.FromSeconds(31));
        await harness.Ledger.RedriveAsync(CancellationToken.None);

        Assert.Equal(0, await harness.PendingMarkersAsync());
        Assert.Empty(await mail.EmailsAsync());
    }

    [Fact]
    public async Task Digest_HourlySubscriber_WaitsForTheHourThenSendsOneEmailGroupedBySpeaker()
    {
        await using var harness = await DeliveryHarness.StartAsync(
            azurite,
            Samples.Subscriptions(Samples.EmailSubscriber("hourly", "hourly@example.test", cadence: "hourly", timeZone: "America/Mexico_City")),
            mail.SmtpPort);
        harness.Time.SetUtcNow(new DateTimeOffset(2026, 3, 5, 14, 20, 0, TimeSpan.Zero)); // 08:20 in Mexico City

        await harness.NotifyAsync(Analysis("Helen Marsh", "We are preparing every option along the border with Mexico."), "a1.json");
        await harness.NotifyAsync(Analysis("Teresa Campos", "Mexico will not accept foreign troops on its soil under any military plan.", "a2", 10), "a2.json");
        await harness.NotifyAsync(Analysis("Helen Marsh", "The military stands ready to act at the Mexico border within days.", "a3", 20), "a3.json");

        Assert.Equal(0, await harness.Digests.SendDueAsync(CancellationToken.None));
        Assert.Empty(await mail.EmailsAsync());

        harness.Time.SetUtcNow(new DateTimeOffset(2026, 3, 5, 15, 0, 30, TimeSpan.Zero)); // 09:00:30 local
        Assert.Equal(1, await harness.Digests.SendDueAsync(CancellationToken.None));
        Assert.Equal(0, await harness.Digests.SendDueAsync(CancellationToken.None));

        var email = Assert.Single(await mail.EmailsAsync());
        Assert.Equal("Alerts digest: 3 new statements (Helen Marsh, Teresa Campos)", email.Subject);
        Assert.Contains("08:00\u201309:00 (America/Mexico_City)", email.Text, StringComparison.Ordinal);
        // Speakers are sections in order of their first statement; Marsh's two statements share hers.
        var sections = email.Html!.Split("<h2", StringSplitOptions.None)[1..];
        Assert.Equal(2, sections.Length);
        Assert.StartsWith(" style=\"margin:20px 0 4px;font-size:1.2em\">Helen Marsh", sections[0], StringComparison.Ordinal);
        Assert.Equal(2, CountOf(sections[0], "<blockquote"));
        Assert.Contains("Teresa Campos", sections[1][..80], StringComparison.Ordinal);
        Assert.Equal(1, CountOf(sections[1], "<blockquote"));
        Assert.StartsWith("<digest.hourly.h2026030508.", email.Header("message-id"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_StatementReportedAgainWhileItWaits_NamesEveryOutletAndSinceWhen()
    {
        await using var harness = await DeliveryHarness.StartAsync(
            azurite,
            Samples.Subscriptions(Samples.EmailSubscriber("hourly", "hourly@example.test", cadence: "hourly", timeZone: "UTC")),
            mail.SmtpPort);
        harness.Time.SetUtcNow(new DateTimeOffset(2026, 3, 5, 14, 20, 0, TimeSpan.Zero));
        const string Said = "Mexico will not accept foreign troops on its soil under any military plan.";
        await harness.NotifyAsync(Analysis("Teresa Campos", Said), "a1.json");
        // Two more outlets carry the same words before the hour is up: no new alert, but the digest names them.
        await harness.NotifyAsync(Analysis("Teresa Campos", Said, "a2", 10) with { Source = "Valle Daily" }, "a2.json");
        await harness.NotifyAsync(Analysis("Teresa Campos", Said, "a3", 20) with { Source = "Norte Radio" }, "a3.json");

        harness.Time.SetUtcNow(new DateTimeOffset(2026, 3, 5, 15, 0, 30, TimeSpan.Zero));
        Assert.Equal(1, await harness.Digests.SendDueAsync(CancellationToken.None));

        var email = Assert.Single(await mail.EmailsAsync());
        Assert.Equal("Alerts digest: 1 new statement (Teresa Campos)", email.Subject);
        Assert.Contains("Reported by 3 outlets since 2026-03-05 13:30 UTC", email.Text, StringComparison.Ordinal);
        foreach (var outlet in new[] { "Gulf Coast Wire", "Valle Daily", "Norte Radio" })
        {
            Assert.Contains(outlet, email.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Email_HostileArticleText_IsRenderedInert()
    {
        await using var harness = await DeliveryHarness.StartAsync(
            azurite, Samples.Subscriptions(Samples.EmailSubscriber("desk", "desk@example.test")), mail.SmtpPort);
        var longLine = string.Concat(Enumerable.Repeat("overlongwordwithoutanyspaces", 200));
        var alert = Samples.Alert(
            speaker: "Mallory <img src=x onerror=alert(1)>",
            role: "<script>steal()</script>",
            text: Samples.HostileText + longLine,
            title: "<iframe src=\"https://evil.example\"></iframe>",
            url: "javascript:alert(document.cookie)");
        var record = harness.Record(alert, "desk", "email", "desk@example.test");
        await harness.Ledger.CreateAsync(record, CancellationToken.None);

        await harness.Ledger.AttemptAsync(record.Id, CancellationToken.None);

        var email = Assert.Single(await mail.EmailsAsync());
        var html = email.Html!;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html.Replace("javascript:alert(1)", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"https://evil.example", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains(longLine, email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", email.Subject, StringComparison.Ordinal);
    }

    private static string Unfold(string headers) => headers.Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\n ", " ", StringComparison.Ordinal);

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    internal static ArticleAnalysis Analysis(string speaker, string text, string id = "a1", int minutesAfterOneThirty = 0)
        => new()
        {
            ArticleId = id,
            ArticleUrl = $"https://news.example.org/2026/{id}",
            Source = "Gulf Coast Wire",
            Title = $"{speaker} speaks on the border",
            Published = new DateTimeOffset(2026, 3, 5, 13, 30, 0, TimeSpan.Zero).AddMinutes(minutesAfterOneThirty),
            Analyzed = new DateTimeOffset(2026, 3, 5, 13, 35, 0, TimeSpan.Zero),
            Analyzer = "offline",
            Sentiment = SentimentScore.Neutral,
            Statements =
            [
                new Statement("s1", new Speaker(speaker, "U.S. Defense Secretary", SpeakerKind.Person), text, StatementKind.Direct,
                    0, text.Length, -0.4, 0.8, ["military"]),
            ],
        };

    /// <summary>Sends, then "crashes" before the outcome is recorded.</summary>
    private sealed class CrashAfterSend(EmailAlertChannel email) : IAlertChannel
    {
        public const string ChannelName = "email-crashing";

        public bool Crash { get; set; } = true;

        public string Name => ChannelName;

        public string? AddressFor(Subscriber subscriber) => null;

        public async Task<DeliveryOutcome> SendAsync(DeliveryRecord delivery, CancellationToken cancellationToken)
        {
            var outcome = await email.SendAsync(delivery, cancellationToken);
            return Crash ? throw new InvalidOperationException("process died") : outcome;
        }
    }
}
