using Alerts.Storage;

namespace Alerts.Delivery;

public enum DeliveryStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>The durable record of one alert to one subscriber through one channel.</summary>
public sealed record DeliveryRecord
{
    public required string AlertKey { get; init; }
    public required string SubscriberId { get; init; }
    public required string Channel { get; init; }
    public required DeliveryStatus Status { get; init; }
    public required DateTimeOffset Created { get; init; }
    public DateTimeOffset? Sent { get; init; }
    public int Attempts { get; init; }
    public string? LastError { get; init; }
}

/// <summary>Records each delivery as pending before sending, so that a crash can repeat at most that one delivery
/// and a retry never sends what is already recorded as sent.</summary>
public sealed class DeliveryLedger(BlobDocumentStore store, TimeProvider time)
{
    public async Task<bool> DeliverAsync(
        Alert alert, SubscriberOptions subscriber, IAlertChannel channel, CancellationToken cancellationToken)
    {
        var name = $"{alert.Key}/{subscriber.Id}/{channel.Name}.json";
        var pending = new DeliveryRecord
        {
            AlertKey = alert.Key,
            SubscriberId = subscriber.Id,
            Channel = channel.Name,
            Status = DeliveryStatus.Pending,
            Created = time.GetUtcNow(),
        };
        var record = pending;
        if (!await store.TryCreateAsync(PipelineNames.DeliveriesContainer, name, pending, cancellationToken))
        {
            record = (await store.ReadAsync<DeliveryRecord>(PipelineNames.DeliveriesContainer, name, cancellationToken))?.Document ?? pending;
            if (record.Status != DeliveryStatus.Pending)
            {
                return false;
            }
        }

        try
        {
            await channel.SendAsync(alert, subscriber, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await store.UpsertAsync(
                PipelineNames.DeliveriesContainer,
                name,
                record with { Attempts = record.Attempts + 1, LastError = $"{e.GetType().Name}: {e.Message}" },
                cancellationToken);
            throw;
        }

        await store.UpsertAsync(
            PipelineNames.DeliveriesContainer,
            name,
            record with { Status = DeliveryStatus.Sent, Sent = time.GetUtcNow(), Attempts = record.Attempts + 1, LastError = null },
            cancellationToken);
        return true;
    }
}
