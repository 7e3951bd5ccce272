using System.Security.Cryptography;
using System.Text;
using Alerts.Novelty;
using Alerts.Storage;
using Microsoft.Extensions.Logging;

namespace Alerts.Delivery;

/// <summary>One alert waiting for a subscriber's digest.</summary>
public sealed record DigestEntry(Alert Alert, string Period, string Label, DateTimeOffset Due);

/// <summary>Digests: alerts for hourly and daily subscribers wait under <c>deliveries/digests/{subscriber}/{period}/</c>;
/// <c>SendDigests</c> turns each due period into one delivery per channel, recorded like any other delivery before
/// it is sent, then clears the period.</summary>
public sealed class DigestSender(
    BlobDocumentStore store,
    DeliveryLedger ledger,
    SubscriptionStore subscriptions,
    IStatementIndex statements,
    TimeProvider time,
    ILogger<DigestSender> logger)
{
    public const string Prefix = "digests/";

    public async Task EnqueueAsync(Subscriber subscriber, Alert alert, CancellationToken cancellationToken)
    {
        var period = DigestPeriod.For(subscriber, time.GetUtcNow());
        // Create-once: a redelivered analysis does not queue the alert twice.
        await store.TryCreateAsync(
            PipelineNames.DeliveriesContainer,
            $"{Prefix}{subscriber.Id}/{period.Key}/{alert.Key}.json",
            new DigestEntry(alert, period.Key, period.Label, period.Due),
            cancellationToken);
    }

    /// <summary>SendDigests: sends every period that is due. Returns the number of digest deliveries attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var periods = new Dictionary<(string Subscriber, string Period), List<string>>();
        await foreach (var name in store.ListNamesAsync(PipelineNames.DeliveriesContainer, Prefix, cancellationToken))
        {
            var parts = name[Prefix.Length..].Split('/');
            if (parts.Length == 3)
            {
                var key = (parts[0], parts[1]);
                if (!periods.TryGetValue(key, out var names))
                {
                    periods[key] = names = [];
                }

                names.Add(name);
            }
        }

        var sent = 0;
        var now = time.GetUtcNow();
        foreach (var ((subscriberId, period), names) in periods)
        {
            var entries = new List<DigestEntry>();
            foreach (var name in names)
            {
                if (await store.ReadAsync<DigestEntry>(PipelineNames.DeliveriesContainer, name, cancellationToken) is { } entry)
                {
                    entries.Add(entry.Document);
                }
            }

            if (entries.Count == 0 || entries.Max(e => e.Due) > now)
            {
                continue;
            }

            var subscriber = await subscriptions.FindAsync(subscriberId, cancellationToken);
            if (subscriber is null)
            {
                Log.DigestDropped(logger, subscriberId, period, entries.Count);
            }
            else
            {
                sent += await SendAsync(subscriber, period, entries, cancellationToken);
            }

            foreach (var name in names)
            {
                await store.DeleteAsync(PipelineNames.DeliveriesContainer, name, cancellationToken);
            }
        }

        return sent;
    }

    private async Task<int> SendAsync(Subscriber subscriber, string period, List<DigestEntry> entries, CancellationToken cancellationToken)
    {
        var attempted = 0;
        foreach (var channel in ledger.Channels)
        {
            if (channel.AddressFor(subscriber) is not { } address)
            {
                continue;
            }

            // Alerts already in an earlier digest of this period (a crash before the queue was cleared, or an alert
            // queued while the digest was being built) are not sent again.
            var prefix = $"digest/{subscriber.Id}/{period}/{channel.Name}-";
            var already = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var existing in ledger.ListAsync(DeliveryLedger.RecordsPrefix + prefix, cancellationToken))
            {
                already.UnionWith(existing.Alerts.Select(a => a.Key));
            }

            var alerts = entries.Select(e => e.Alert).Where(a => !already.Contains(a.Key)).OrderBy(a => a.FirstSeen).ToList();
            if (alerts.Count == 0)
            {
                continue;
            }

            // The outlets that reported each statement while it waited are named too.
            for (var i = 0; i < alerts.Count; i++)
            {
                if (await statements.FindAsync(alerts[i].Key, cancellationToken) is { } known)
                {
                    alerts[i] = alerts[i].WithReportsOf(known);
                }
            }

            var id = prefix + Hash(alerts.Select(a => a.Key));
            await ledger.CreateAsync(
                new DeliveryRecord
                {
                    Id = id,
                    Kind = DeliveryKind.Digest,
                    SubscriberId = subscriber.Id,
                    SubscriberName = subscriber.Name,
                    Channel = channel.Name,
                    Address = address,
                    MessageId = MessageIds.For("digest", subscriber.Id, period, id[(id.LastIndexOf('-') + 1)..]),
                    Alerts = alerts,
                    Period = entries[0].Label,
                    Status = DeliveryStatus.Pending,
                    Created = time.GetUtcNow(),
                    NextAttempt = time.GetUtcNow(),
                },
                cancellationToken);
            await ledger.AttemptAsync(id, cancellationToken);
            attempted++;
        }

        return attempted;
    }

    private static string Hash(IEnumerable<string> keys)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', keys.Order(StringComparer.Ordinal)))))[..12];
}
