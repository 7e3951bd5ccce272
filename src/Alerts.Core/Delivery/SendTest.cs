using Alerts.Analysis;

namespace Alerts.Delivery;

public sealed record SendTestResult(string Channel, string Address, DeliveryOutcome Outcome);

/// <summary><c>./run.sh send-test SUBSCRIBER</c>: a sample alert through each of the subscriber's channels, straight to
/// the channel (no delivery record, no retry), so an operator sees at once whether an address or webhook works.</summary>
public sealed class SendTest(SubscriptionStore subscriptions, DeliveryLedger ledger, TimeProvider time)
{
    public async Task<IReadOnlyList<SendTestResult>?> RunAsync(string subscriberId, CancellationToken cancellationToken)
    {
        if (await subscriptions.FindAsync(subscriberId, cancellationToken) is not { } subscriber)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var alert = new Alert(
            "send-test",
            new Speaker("Alerts test", "a sample alert from ./run.sh send-test", SpeakerKind.Organization),
            "This is a test alert. If you can read it, this channel works.",
            StatementKind.Direct,
            1.0,
            0.0,
            [new AlertSource("Alerts", "Test alert", "https://example.com/alerts-send-test")],
            now,
            []);
        var results = new List<SendTestResult>();
        foreach (var channel in ledger.Channels)
        {
            if (channel.AddressFor(subscriber) is not { } address)
            {
                continue;
            }

            var delivery = new DeliveryRecord
            {
                Id = $"send-test/{subscriber.Id}/{channel.Name}",
                Kind = DeliveryKind.Alert,
                SubscriberId = subscriber.Id,
                SubscriberName = subscriber.Name,
                Channel = channel.Name,
                Address = address,
                // Unique per run: a test mail must not be folded into an earlier one by the mail client.
                MessageId = MessageIds.For("send-test", subscriber.Id, now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Alerts = [alert],
                Status = DeliveryStatus.Pending,
                Created = now,
            };
            results.Add(new SendTestResult(channel.Name, address, await channel.SendAsync(delivery, cancellationToken)));
        }

        return results;
    }
}
