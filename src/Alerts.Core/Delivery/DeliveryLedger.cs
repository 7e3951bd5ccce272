using System.Text.Json;
using Alerts.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Delivery;

/// <summary>
/// Never lost, never twice. Each delivery is a record in <c>deliveries/records/</c> (pending → sent | failed), written
/// before anything is sent, with a marker in <c>deliveries/pending/</c> while it is pending. An attempt first claims
/// the record (compare-and-swap on its ETag, pushing its next attempt a lease ahead), so two instances never send the
/// same delivery at once; a crash after sending but before recording leaves it pending, and the redrive sends that
/// one delivery once more, with the same Message-ID. The outcome is written only over the attempt's own claim, and the
/// lease outlasts the channels' timeouts (checked at start-up), so a slow send is never overtaken by a second one.
/// </summary>
public sealed class DeliveryLedger(
    BlobDocumentStore store,
    IEnumerable<IAlertChannel> channels,
    IOptionsMonitor<NotifyOptions> options,
    TimeProvider time,
    ILogger<DeliveryLedger> logger)
{
    public const string RecordsPrefix = "records/";
    public const string PendingPrefix = "pending/";
    public const string BlockedPrefix = "blocked: configuration: ";

    private readonly Dictionary<string, IAlertChannel> channelsByName = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public IEnumerable<IAlertChannel> Channels => channelsByName.Values;

    /// <summary>Records the delivery as pending unless a record with its id exists; true when this call created it.</summary>
    public async Task<bool> CreateAsync(DeliveryRecord record, CancellationToken cancellationToken)
    {
        // Marker first: a crash between the two writes leaves a marker without a record (cleaned up by the redrive),
        // never a pending record nobody will re-drive.
        await store.UpsertAsync(PipelineNames.DeliveriesContainer, PendingPrefix + record.Id, new PendingMarker(record.Id, time.GetUtcNow()), cancellationToken);
        return await store.TryCreateAsync(PipelineNames.DeliveriesContainer, RecordName(record.Id), record, cancellationToken);
    }

    /// <summary>Sends the delivery if it is pending and due, and records the outcome.</summary>
    public async Task<DeliveryRecord?> AttemptAsync(string id, CancellationToken cancellationToken)
        => (await TryAttemptAsync(id, cancellationToken)).Record;

    private async Task<(DeliveryRecord? Record, bool Attempted)> TryAttemptAsync(string id, CancellationToken cancellationToken)
    {
        StoredDocument<DeliveryRecord>? stored;
        try
        {
            stored = await store.ReadAsync<DeliveryRecord>(PipelineNames.DeliveriesContainer, RecordName(id), cancellationToken);
        }
        catch (JsonException e)
        {
            // No attempt can ever send what cannot be read: set it aside (the blob stays for an operator to inspect)
            // so the redrive stops offering it.
            await store.DeleteAsync(PipelineNames.DeliveriesContainer, PendingPrefix + id, cancellationToken);
            Log.RecordUnreadable(logger, id, e.Message);
            return (null, false);
        }

        var settings = options.CurrentValue;
        if (stored is null
            && await MarkerCreatedAsync(id, cancellationToken) is { } created
            && time.GetUtcNow() - created < settings.SendLease)
        {
            // The record may be being written right now (the marker goes first): leave both alone.
            return (null, false);
        }

        if (stored is null || stored.Document.Status != DeliveryStatus.Pending)
        {
            await store.DeleteAsync(PipelineNames.DeliveriesContainer, PendingPrefix + id, cancellationToken);
            return (stored?.Document, false);
        }

        var now = time.GetUtcNow();
        var record = stored.Document;
        if (record.NextAttempt > now)
        {
            return (record, false);
        }

        if (record.Attempts >= settings.MaxAttempts)
        {
            // The last allowed attempt never recorded its outcome: it threw, or the process stopped mid-send.
            var abandoned = record with { Status = DeliveryStatus.Failed, LastError = $"gave up after {record.Attempts} attempts; the last did not complete ({record.LastError ?? "no reason recorded"})" };
            if (!await store.TryReplaceAsync(PipelineNames.DeliveriesContainer, RecordName(id), abandoned, stored.ETag, cancellationToken))
            {
                // The last attempt recorded its outcome after all, just now.
                return (null, false);
            }

            await store.DeleteAsync(PipelineNames.DeliveriesContainer, PendingPrefix + id, cancellationToken);
            Log.DeliveryFailed(logger, id, abandoned.SubscriberId, abandoned.Channel, abandoned.Attempts, abandoned.LastError);
            return (abandoned, false);
        }

        var claimed = record with { Attempts = record.Attempts + 1, LastAttempt = now, NextAttempt = now + settings.SendLease };
        if (await store.TryReplaceGettingETagAsync(PipelineNames.DeliveriesContainer, RecordName(id), claimed, stored.ETag, cancellationToken) is not { } claim)
        {
            // Another instance claimed it first.
            return (null, false);
        }

        var outcome = channelsByName.TryGetValue(record.Channel, out var channel)
            ? await channel.SendAsync(claimed, cancellationToken)
            : DeliveryOutcome.Permanent($"no channel named '{record.Channel}'");
        now = time.GetUtcNow();
        var done = outcome.Kind switch
        {
            OutcomeKind.Sent => claimed with { Status = DeliveryStatus.Sent, Sent = now, LastError = null },
            OutcomeKind.Permanent => claimed with { Status = DeliveryStatus.Failed, LastError = outcome.Reason },
            // Not this delivery's fault: however long the outage, it does not use up the attempts.
            OutcomeKind.Blocked => claimed with
            {
                Attempts = record.Attempts,
                NextAttempt = now + settings.MaxRetryDelay,
                LastError = BlockedPrefix + outcome.Reason,
            },
            _ when claimed.Attempts >= settings.MaxAttempts => claimed with
            {
                Status = DeliveryStatus.Failed,
                LastError = $"gave up after {claimed.Attempts} attempts; last: {outcome.Reason}",
            },
            _ => claimed with { NextAttempt = now + RetryDelay(claimed.Attempts, outcome.RetryAfter, settings), LastError = outcome.Reason },
        };
        if (!await store.TryReplaceAsync(PipelineNames.DeliveriesContainer, RecordName(id), done, claim, cancellationToken))
        {
            // The lease ran out before the send returned and another attempt claimed the delivery: what that attempt
            // records stands. Overwriting it (a late "transient" over "sent") would send it yet again.
            Log.ClaimLost(logger, id, claimed.Attempts, outcome.Kind, outcome.Reason ?? "");
            return (null, true);
        }

        if (done.Status != DeliveryStatus.Pending)
        {
            await store.DeleteAsync(PipelineNames.DeliveriesContainer, PendingPrefix + id, cancellationToken);
        }

        switch (done.Status)
        {
            case DeliveryStatus.Sent:
                Log.Delivered(logger, id, done.SubscriberId, done.Channel, done.Attempts);
                break;
            case DeliveryStatus.Failed:
                Log.DeliveryFailed(logger, id, done.SubscriberId, done.Channel, done.Attempts, done.LastError ?? "");
                break;
            case DeliveryStatus.Pending when outcome.Kind == OutcomeKind.Blocked:
                Log.DeliveryBlocked(logger, id, done.SubscriberId, done.Channel, done.NextAttempt, outcome.Reason ?? "");
                break;
            default:
                Log.DeliveryRetrying(logger, id, done.SubscriberId, done.Channel, done.Attempts, done.NextAttempt, done.LastError ?? "");
                break;
        }

        return (done, true);
    }

    /// <summary>RedriveDeliveries: attempts every pending delivery that is due. Survives restarts: the state is all in storage.</summary>
    public async Task<int> RedriveAsync(CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var name in store.ListNamesAsync(PipelineNames.DeliveriesContainer, PendingPrefix, cancellationToken))
        {
            ids.Add(name[PendingPrefix.Length..]);
        }

        var attempted = 0;
        foreach (var id in ids)
        {
            try
            {
                if ((await TryAttemptAsync(id, cancellationToken)).Attempted)
                {
                    attempted++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Names come in a fixed order: one record that throws must not hold back every record after it. Its
                // claim (if it got one) lapses after the lease; once its attempts are used up it is recorded as failed.
                Log.RedriveOfOneFailed(logger, id, e);
            }
        }

        return attempted;
    }

    /// <summary>Puts a failed delivery back to pending with all its attempts (<c>./run.sh deliveries retry</c>), for the
    /// redrive to send with the same Message-ID. Returns the record as it now is (null when there is none), and whether
    /// this call put it back (false when it was not failed).</summary>
    public async Task<(DeliveryRecord? Record, bool Retried)> RetryAsync(string id, CancellationToken cancellationToken)
    {
        var stored = await store.ReadAsync<DeliveryRecord>(PipelineNames.DeliveriesContainer, RecordName(id), cancellationToken);
        if (stored is not { Document.Status: DeliveryStatus.Failed })
        {
            return (stored?.Document, false);
        }

        var now = time.GetUtcNow();
        var retried = stored.Document with
        {
            Status = DeliveryStatus.Pending,
            Attempts = 0,
            NextAttempt = now,
            LastError = $"retried by an operator; it had failed: {stored.Document.LastError}",
        };
        // The marker first, as when the record was created: the redrive finds pending deliveries through it.
        await store.UpsertAsync(PipelineNames.DeliveriesContainer, PendingPrefix + id, new PendingMarker(id, now), cancellationToken);
        return await store.TryReplaceAsync(PipelineNames.DeliveriesContainer, RecordName(id), retried, stored.ETag, cancellationToken)
            ? (retried, true)
            : (await ReadAsync(id, cancellationToken), false);
    }

    /// <summary>Every delivery record, for operators (<c>./run.sh deliveries</c>).</summary>
    public IAsyncEnumerable<DeliveryRecord> ListAsync(CancellationToken cancellationToken) => ListAsync(RecordsPrefix, cancellationToken);

    public async IAsyncEnumerable<DeliveryRecord> ListAsync(
        string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var name in store.ListNamesAsync(PipelineNames.DeliveriesContainer, prefix, cancellationToken))
        {
            StoredDocument<DeliveryRecord>? record;
            try
            {
                record = await store.ReadAsync<DeliveryRecord>(PipelineNames.DeliveriesContainer, name, cancellationToken);
            }
            catch (JsonException e)
            {
                Log.RecordUnreadable(logger, name, e.Message);
                continue;
            }

            if (record is not null)
            {
                yield return record.Document;
            }
        }
    }

    /// <summary>When the pending marker was written, or null when there is none or it cannot be read (then it is stale).</summary>
    private async Task<DateTimeOffset?> MarkerCreatedAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return (await store.ReadAsync<PendingMarker>(PipelineNames.DeliveriesContainer, PendingPrefix + id, cancellationToken))?.Document.Created;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async Task<DeliveryRecord?> ReadAsync(string id, CancellationToken cancellationToken)
        => (await store.ReadAsync<DeliveryRecord>(PipelineNames.DeliveriesContainer, RecordName(id), cancellationToken))?.Document;

    public static string RecordName(string id) => RecordsPrefix + id + ".json";

    /// <summary>Exponential back-off from RetryDelay, capped at MaxRetryDelay; a server's Retry-After wins when longer.</summary>
    internal static TimeSpan RetryDelay(int attempts, TimeSpan? retryAfter, NotifyOptions settings)
    {
        var backoff = TimeSpan.FromTicks((long)Math.Min(
            settings.MaxRetryDelay.Ticks,
            settings.RetryDelay.Ticks * Math.Pow(2, Math.Max(0, attempts - 1))));
        return retryAfter is { } after && after > backoff ? TimeSpan.FromTicks(Math.Min(after.Ticks, TimeSpan.FromDays(1).Ticks)) : backoff;
    }

    private sealed record PendingMarker(string Id, DateTimeOffset Created);
}
