using System.Text.Json;
using Alerts.Analysis;
using Alerts.Novelty;
using Alerts.Storage;
using Microsoft.Extensions.Logging;

namespace Alerts.Delivery;

/// <summary>The outcome of notifying one analysis, kept under <c>deliveries/analyses/</c> for operators.</summary>
public sealed record NotificationSummary(string Analysis, DateTimeOffset Notified, IReadOnlyList<string> NewStatements, int Deliveries);

/// <summary>NotifySubscribers: finds the new statements of one analysis and, for every subscriber whose filters match,
/// records and sends an immediate delivery per channel, or queues the alert for the subscriber's digest.</summary>
public sealed class NotifySubscribersStep(
    NoveltyCheck novelty,
    SubscriptionStore subscriptions,
    DeliveryLedger ledger,
    DigestSender digests,
    BlobDocumentStore store,
    PipelineActivity activity,
    TimeProvider time,
    ILogger<NotifySubscribersStep> logger)
{
    public async Task RunAsync(Stream analysisJson, string blobName, CancellationToken cancellationToken)
    {
        ArticleAnalysis? analysis;
        try
        {
            analysis = await JsonSerializer.DeserializeAsync<ArticleAnalysis>(analysisJson, AlertsJson.Options, cancellationToken);
        }
        catch (JsonException e)
        {
            Log.AnalysisUnreadable(logger, blobName, e.Message);
            throw new Recovery.UnreadableBlobException($"not an analysis: {e.Message}");
        }

        if (analysis is null)
        {
            Log.AnalysisUnreadable(logger, blobName, "empty document");
            throw new Recovery.UnreadableBlobException("the analysis is an empty document");
        }

        var found = await novelty.FindNewAsync(analysis, blobName, cancellationToken);
        var subscribers = await subscriptions.SubscribersAsync(cancellationToken);
        var deliveries = 0;
        foreach (var alert in found.Select(Alert.From))
        {
            foreach (var subscriber in subscribers.Where(s => s.Filters.Matches(alert)))
            {
                deliveries += await DeliverAsync(alert, subscriber, cancellationToken);
            }

            activity.AlertSent(alert);
        }

        await store.UpsertAsync(
            PipelineNames.DeliveriesContainer,
            $"analyses/{blobName}",
            new NotificationSummary(blobName, time.GetUtcNow(), [.. found.Select(f => f.Decision.Statement.Key)], deliveries),
            cancellationToken);
        activity.AnalysisNotified();
        Log.Notified(logger, blobName, analysis.Statements.Count, found.Count, deliveries);
    }

    private async Task<int> DeliverAsync(Alert alert, Subscriber subscriber, CancellationToken cancellationToken)
    {
        if (subscriber.Cadence != Cadence.Immediate)
        {
            await digests.EnqueueAsync(subscriber, alert, cancellationToken);
            return 0;
        }

        var count = 0;
        foreach (var channel in ledger.Channels)
        {
            if (channel.AddressFor(subscriber) is not { } address)
            {
                continue;
            }

            var id = $"{alert.Key}/{subscriber.Id}/{channel.Name}";
            var created = await ledger.CreateAsync(
                new DeliveryRecord
                {
                    Id = id,
                    Kind = DeliveryKind.Alert,
                    SubscriberId = subscriber.Id,
                    SubscriberName = subscriber.Name,
                    Channel = channel.Name,
                    Address = address,
                    MessageId = MessageIds.For(alert.Key, subscriber.Id),
                    Alerts = [alert],
                    Status = DeliveryStatus.Pending,
                    Created = time.GetUtcNow(),
                    NextAttempt = time.GetUtcNow(),
                },
                cancellationToken);
            // A transient failure leaves the record pending for RedriveDeliveries; it is not this function's failure.
            if (await ledger.AttemptAsync(id, cancellationToken) is { Status: DeliveryStatus.Sent } && created)
            {
                count++;
            }
        }

        return count;
    }
}
