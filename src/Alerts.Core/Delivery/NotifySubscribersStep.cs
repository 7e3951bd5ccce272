using System.Text.Json;
using Alerts.Analysis;
using Alerts.Novelty;
using Alerts.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Delivery;

/// <summary>The outcome of notifying one analysis, kept under <c>deliveries/analyses/</c> for operators.</summary>
public sealed record NotificationSummary(string Analysis, DateTimeOffset Notified, IReadOnlyList<string> NewStatements, int Deliveries);

/// <summary>NotifySubscribers: finds the new statements of one analysis and delivers each to every subscriber whose
/// filters match.</summary>
public sealed class NotifySubscribersStep(
    NoveltyCheck novelty,
    DeliveryLedger ledger,
    IEnumerable<IAlertChannel> channels,
    IOptionsMonitor<NotifyOptions> options,
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
            return;
        }

        if (analysis is null)
        {
            Log.AnalysisUnreadable(logger, blobName, "empty document");
            return;
        }

        var found = await novelty.FindNewAsync(analysis, blobName, cancellationToken);
        var subscribers = options.CurrentValue.Subscribers;
        var deliveries = 0;
        foreach (var alert in found.Select(Alert.From))
        {
            foreach (var subscriber in subscribers.Where(s => alert.Relevance >= s.MinRelevance))
            {
                foreach (var channel in channels.Where(c => c.CanReach(subscriber)))
                {
                    if (await ledger.DeliverAsync(alert, subscriber, channel, cancellationToken))
                    {
                        deliveries++;
                        Log.Delivered(logger, alert.Key, subscriber.Id, channel.Name);
                    }
                }
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
}
