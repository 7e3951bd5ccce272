namespace Alerts.Delivery;

/// <summary>A way to reach a subscriber: email now, Teams later.</summary>
public interface IAlertChannel
{
    /// <summary>Short name used in delivery records: "email", "teams".</summary>
    string Name { get; }

    bool CanReach(SubscriberOptions subscriber);

    Task SendAsync(Alert alert, SubscriberOptions subscriber, CancellationToken cancellationToken);
}
