namespace Alerts.Delivery;

/// <summary>Raised when NotifySubscribers has finished an analysis, with the new alerts it found. The local host
/// listens to know when a run is done and what it sent; on Azure nobody listens.</summary>
public interface INotificationEvents
{
    void Notified(string analysis, IReadOnlyList<Alert> alerts);
}

/// <summary>Nobody listens: the Azure app and the tools.</summary>
public sealed class NoNotificationEvents : INotificationEvents
{
    public void Notified(string analysis, IReadOnlyList<Alert> alerts)
    {
    }
}
