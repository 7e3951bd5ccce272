using Microsoft.Extensions.Logging;

namespace Alerts.Delivery;

/// <summary>The work of the two delivery timers, for the hosts' thin function classes.</summary>
public sealed class DeliveryTimers(DeliveryLedger ledger, DigestSender digests, NotifySubscribersStep notify, ILogger<DeliveryTimers> logger)
{
    public async Task RedriveDeliveriesAsync(CancellationToken cancellationToken)
    {
        var attempted = await ledger.RedriveAsync(cancellationToken);
        if (attempted > 0)
        {
            Log.Redriven(logger, attempted);
        }

        await notify.ResumeStalledAsync(cancellationToken);
    }

    public async Task SendDigestsAsync(CancellationToken cancellationToken)
    {
        var sent = await digests.SendDueAsync(cancellationToken);
        if (sent > 0)
        {
            Log.DigestsSent(logger, sent);
        }
    }
}
