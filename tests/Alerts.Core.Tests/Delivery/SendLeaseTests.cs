using Alerts.Delivery;
using Alerts.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Tests.Delivery;

/// <summary>A send that outlives its lease: start-up refuses a lease shorter than a channel's longest send, and a late
/// outcome never overwrites the one recorded by the attempt that took the delivery over.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class SendLeaseTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private MailDev mail = null!;

    public async Task InitializeAsync() => mail = await MailDev.StartAsync();

    public async Task DisposeAsync() => await mail.DisposeAsync();

    [Fact]
    public async Task Attempt_LeaseRunsOutMidSendAndTheRedriveSends_LateTransientDoesNotOverwriteSentNorSendAThirdTime()
    {
        var logs = new CapturingLoggerProvider();
        await using var harness = await DeliveryHarness.StartAsync(
            azurite,
            Samples.Subscriptions(Samples.EmailSubscriber("desk", "desk@example.test")),
            mail.SmtpPort,
            configure: services => services
                .AddSingleton<ILoggerProvider>(logs)
                .AddSingleton<IAlertChannel>(sp => new SlowFirstSend(new EmailAlertChannel(sp.GetRequiredService<IOptionsMonitor<SmtpOptions>>()))));
        var slow = harness.Services.GetServices<IAlertChannel>().OfType<SlowFirstSend>().Single();
        var record = harness.Record(Samples.Alert(), "desk", SlowFirstSend.ChannelName, "desk@example.test");
        await harness.Ledger.CreateAsync(record, CancellationToken.None);

        // The first attempt has handed the mail over but not returned when its lease (30 s) runs out.
        var first = harness.Ledger.AttemptAsync(record.Id, CancellationToken.None);
        await slow.InSend.Task;
        harness.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await harness.Ledger.RedriveAsync(CancellationToken.None));
        Assert.Equal(DeliveryStatus.Sent, (await harness.Ledger.ReadAsync(record.Id, CancellationToken.None))!.Status);

        // Then it ends as "transient" (the server's reply never came).
        slow.Release.SetResult();
        await first;
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await harness.Ledger.RedriveAsync(CancellationToken.None));

        Assert.Equal(2, (await mail.EmailsAsync()).Count);
        var sent = (await harness.Ledger.ReadAsync(record.Id, CancellationToken.None))!;
        Assert.Equal(DeliveryStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
        Assert.Equal(0, await harness.PendingMarkersAsync());
        Assert.Equal(1, logs.Count(4032));
    }

    [Theory]
    [InlineData("00:00:20", "00:00:30", "00:00:05", "Notify:SendLease (00:00:20) must be longer than Smtp:Timeout (00:00:30)")]
    [InlineData("00:00:30", "00:00:30", "00:00:05", "Notify:SendLease (00:00:30) must be longer than Smtp:Timeout (00:00:30)")]
    [InlineData("00:00:30", "00:00:05", "00:00:25", "Notify:SendLease (00:00:30) must be longer than Teams:Timeout plus the pacing wait of up to 10 s (00:00:35)")]
    public void StartUp_LeaseNotLongerThanAChannelsLongestSend_FailsNamingTheSettings(string lease, string smtpTimeout, string teamsTimeout, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => NotifyOptions(lease, smtpTimeout, teamsTimeout));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartUp_DefaultLeaseAndTimeouts_AreValid()
        => Assert.Equal(TimeSpan.FromMinutes(2), NotifyOptions(null, null, null).SendLease);

    private static NotifyOptions NotifyOptions(string? lease, string? smtpTimeout, string? teamsTimeout)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:From"] = "alerts@alerts.test",
            ["Notify:SendLease"] = lease,
            ["Smtp:Timeout"] = smtpTimeout,
            ["Teams:Timeout"] = teamsTimeout,
        }.Where(s => s.Value is not null)).Build();
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddAlertsDelivery()
            .BuildServiceProvider();
        return provider.GetRequiredService<IOptions<NotifyOptions>>().Value;
    }

    /// <summary>Email whose first send hands the mail over, then hangs until released and reports a timeout, as when
    /// the server's reply to DATA never arrives.</summary>
    private sealed class SlowFirstSend(EmailAlertChannel email) : IAlertChannel
    {
        public const string ChannelName = "email-slow";
        private int calls;

        public TaskCompletionSource InSend { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => ChannelName;

        public string? AddressFor(Subscriber subscriber) => null;

        public async Task<DeliveryOutcome> SendAsync(DeliveryRecord delivery, CancellationToken cancellationToken)
        {
            var outcome = await email.SendAsync(delivery, cancellationToken);
            if (Interlocked.Increment(ref calls) > 1)
            {
                return outcome;
            }

            InSend.SetResult();
            await Release.Task;
            return DeliveryOutcome.Transient("TimeoutException: no reply to DATA");
        }
    }
}
