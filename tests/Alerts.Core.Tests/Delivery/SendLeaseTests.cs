using Alerts.Delivery;
using Alerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Tests.Delivery;

/// <summary>A send that outlives its lease: a late outcome never overwrites the one recorded by the attempt that took
/// the delivery over (start-up refuses such a lease: <see cref="SendLeaseValidationTests"/>).</summary>
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
                .AddSingleton<IAlertChannel>(sp => new SlowFirstSend(ActivatorUtilities.CreateInstance<EmailAlertChannel>(sp))));
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
        Assert.Equal(1, logs.Count(4042));
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
