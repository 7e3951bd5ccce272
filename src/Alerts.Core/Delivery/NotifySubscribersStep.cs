using System.Text.Json;
using Alerts.Analysis;
using Alerts.Novelty;
using Alerts.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Delivery;

/// <summary>The outcome of notifying one analysis, kept under <c>deliveries/analyses/</c> for operators.</summary>
public sealed record NotificationSummary(string Analysis, DateTimeOffset Notified, IReadOnlyList<string> NewStatements, int Deliveries);

/// <summary>Marks an analysis whose statements are being claimed, until the outcome of notifying it is recorded.</summary>
public sealed record NotifyingMarker(string Analysis, DateTimeOffset Started);

/// <summary>NotifySubscribers: finds the new statements of one analysis and, for every subscriber whose filters match,
/// records and sends an immediate delivery per channel, or queues the alert for the subscriber's digest.
/// A claim in the novelty index makes every later report of the statement known, so the intent to alert is written
/// first (<c>deliveries/notifying/{analysis}</c>) and removed only with the outcome: should every try of the function
/// fail after claiming, RedriveDeliveries resumes the analysis, whose own claims count as new for it again.</summary>
public sealed class NotifySubscribersStep(
    NoveltyCheck novelty,
    SubscriptionStore subscriptions,
    DeliveryLedger ledger,
    DigestSender digests,
    BlobDocumentStore store,
    INotificationEvents events,
    IOptionsMonitor<NotifyOptions> options,
    TimeProvider time,
    ILogger<NotifySubscribersStep> logger)
{
    /// <summary>The step's name in quarantine records, and its function's.</summary>
    public const string FunctionName = "NotifySubscribers";

    public const string NotifyingPrefix = "notifying/";

    /// <summary>Where the outcome of notifying each analysis is kept, under <c>deliveries/</c>, named like the analysis.</summary>
    public const string SummaryPrefix = "analyses/";

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
            throw new UnreadableBlobException($"not an analysis: {e.Message}");
        }

        if (analysis is null)
        {
            Log.AnalysisUnreadable(logger, blobName, "empty document");
            throw new UnreadableBlobException("the analysis is an empty document");
        }

        await NotifyAsync(analysis, blobName, cancellationToken);
    }

    /// <summary>RedriveDeliveries: runs the step again for every analysis that has stayed half-notified longer than
    /// <c>Notify:ResumeAfter</c>. Returns how many were resumed and completed.</summary>
    public async Task<int> ResumeStalledAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var name in store.ListNamesAsync(PipelineNames.DeliveriesContainer, NotifyingPrefix, cancellationToken))
        {
            names.Add(name);
        }

        var resumed = 0;
        foreach (var name in names)
        {
            var analysisName = name[NotifyingPrefix.Length..];
            try
            {
                if (await TryResumeAsync(name, analysisName, cancellationToken))
                {
                    resumed++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The marker stays: the next redrive after ResumeAfter tries again. One analysis does not stop the others.
                Log.NotifyResumeFailed(logger, analysisName, e.GetType().Name, e.Message);
            }
        }

        return resumed;
    }

    private async Task<bool> TryResumeAsync(string markerName, string analysisName, CancellationToken cancellationToken)
    {
        var marker = await store.ReadAsync<NotifyingMarker>(PipelineNames.DeliveriesContainer, markerName, cancellationToken);
        var now = time.GetUtcNow();
        if (marker is null || now - marker.Document.Started < options.CurrentValue.ResumeAfter)
        {
            return false;
        }

        // Compare-and-swap on the marker: of two instances redriving at once, one resumes.
        if (!await store.TryReplaceAsync(PipelineNames.DeliveriesContainer, markerName, marker.Document with { Started = now }, marker.ETag, cancellationToken))
        {
            return false;
        }

        Log.NotifyResuming(logger, analysisName, marker.Document.Started);
        if (await store.ReadAsync<ArticleAnalysis>(PipelineNames.AnalysesContainer, analysisName, cancellationToken) is not { } analysis)
        {
            Log.NotifyResumeAnalysisMissing(logger, analysisName);
            await store.DeleteAsync(PipelineNames.DeliveriesContainer, markerName, cancellationToken);
            return false;
        }

        await NotifyAsync(analysis.Document, analysisName, cancellationToken);
        return true;
    }

    private async Task NotifyAsync(ArticleAnalysis analysis, string blobName, CancellationToken cancellationToken)
    {
        var marker = NotifyingPrefix + blobName;
        await store.UpsertAsync(PipelineNames.DeliveriesContainer, marker, new NotifyingMarker(blobName, time.GetUtcNow()), cancellationToken);
        var found = await novelty.FindNewAsync(analysis, blobName, cancellationToken);
        var subscribers = await subscriptions.SubscribersAsync(cancellationToken);
        var deliveries = 0;
        var alerts = found.Select(Alert.From).ToList();
        foreach (var alert in alerts)
        {
            foreach (var subscriber in subscribers.Where(s => s.Filters.Matches(alert)))
            {
                deliveries += await DeliverAsync(alert with { Matched = subscriber.Filters.Explain(alert) }, subscriber, cancellationToken);
            }
        }

        await store.UpsertAsync(
            PipelineNames.DeliveriesContainer,
            SummaryPrefix + blobName,
            new NotificationSummary(blobName, time.GetUtcNow(), [.. found.Select(f => f.Decision.Statement.Key)], deliveries),
            cancellationToken);
        // Every delivery is recorded (and re-driven by the ledger from here on) or queued for its digest.
        await store.DeleteAsync(PipelineNames.DeliveriesContainer, marker, cancellationToken);
        events.Notified(blobName, alerts);
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
