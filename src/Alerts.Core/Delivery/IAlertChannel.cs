namespace Alerts.Delivery;

/// <summary>A way to reach a subscriber: email or a Teams Workflows webhook.</summary>
public interface IAlertChannel
{
    /// <summary>Short name used in delivery records: "email", "teams".</summary>
    string Name { get; }

    /// <summary>The subscriber's address on this channel, or null when the subscriber has none.</summary>
    string? AddressFor(Subscriber subscriber);

    /// <summary>Sends the delivery. Never throws for a failed send: the outcome says whether a retry can help.</summary>
    Task<DeliveryOutcome> SendAsync(DeliveryRecord delivery, CancellationToken cancellationToken);
}
