using Microsoft.Extensions.Logging;

namespace Alerts.Delivery;

internal static partial class Log
{
    [LoggerMessage(4001, LogLevel.Information, "Notified {BlobName}: {Statements} statements, {NewStatements} new, {Deliveries} deliveries sent")]
    public static partial void Notified(ILogger logger, string blobName, int statements, int newStatements, int deliveries);

    [LoggerMessage(4002, LogLevel.Information, "Delivered {DeliveryId} to {SubscriberId} by {Channel} (attempt {Attempts})")]
    public static partial void Delivered(ILogger logger, string deliveryId, string subscriberId, string channel, int attempts);

    [LoggerMessage(4003, LogLevel.Error, "Analysis {BlobName} rejected: {Reason}")]
    public static partial void AnalysisUnreadable(ILogger logger, string blobName, string reason);

    [LoggerMessage(4004, LogLevel.Warning, "Delivery {DeliveryId} to {SubscriberId} by {Channel} failed (attempt {Attempts}), retrying at {NextAttempt}: {Reason}")]
    public static partial void DeliveryRetrying(ILogger logger, string deliveryId, string subscriberId, string channel, int attempts, DateTimeOffset nextAttempt, string reason);

    [LoggerMessage(4005, LogLevel.Error, "Delivery {DeliveryId} to {SubscriberId} by {Channel} failed for good after {Attempts} attempt(s): {Reason}")]
    public static partial void DeliveryFailed(ILogger logger, string deliveryId, string subscriberId, string channel, int attempts, string reason);

    [LoggerMessage(4006, LogLevel.Information, "Loaded {Subscribers} subscribers (ETag {ETag})")]
    public static partial void SubscriptionsLoaded(ILogger logger, int subscribers, string etag);

    [LoggerMessage(4007, LogLevel.Error, "{Container}/{BlobName} is invalid; keeping the last valid subscriptions: {Errors}")]
    public static partial void SubscriptionsInvalid(ILogger logger, string container, string blobName, string errors);

    [LoggerMessage(4008, LogLevel.Warning, "No {Container}/{BlobName} and no Notify:SubscriptionsFile to seed it: nobody is subscribed")]
    public static partial void NoSubscriptions(ILogger logger, string container, string blobName);

    [LoggerMessage(4009, LogLevel.Information, "Seeded the subscriptions document from {Path}")]
    public static partial void SubscriptionsSeeded(ILogger logger, string path);

    [LoggerMessage(4010, LogLevel.Warning, "Subscriber {SubscriberId} no longer exists: dropped its {Period} digest of {Alerts} alert(s)")]
    public static partial void DigestDropped(ILogger logger, string subscriberId, string period, int alerts);

    [LoggerMessage(4011, LogLevel.Information, "RedriveDeliveries attempted {Attempted} pending deliveries")]
    public static partial void Redriven(ILogger logger, int attempted);

    [LoggerMessage(4012, LogLevel.Information, "SendDigests sent {Digests} digest deliveries")]
    public static partial void DigestsSent(ILogger logger, int digests);

    [LoggerMessage(4030, LogLevel.Warning, "{Container}/{BlobName} has gone missing; keeping the last valid subscriptions ({Subscribers} subscribers) until it is restored (upload {{\"subscribers\": []}} to remove everyone)")]
    public static partial void SubscriptionsMissing(ILogger logger, string container, string blobName, int subscribers);

    [LoggerMessage(4031, LogLevel.Warning, "Resuming NotifySubscribers for {BlobName}: its statements were claimed at {Started} but its outcome was never recorded")]
    public static partial void NotifyResuming(ILogger logger, string blobName, DateTimeOffset started);

    [LoggerMessage(4032, LogLevel.Error, "Resuming NotifySubscribers for {BlobName} failed ({ErrorType}), retrying after Notify:ResumeAfter: {Reason}")]
    public static partial void NotifyResumeFailed(ILogger logger, string blobName, string errorType, string reason);

    [LoggerMessage(4033, LogLevel.Error, "Cannot resume NotifySubscribers for {BlobName}: the analysis no longer exists; its claimed statements were not alerted")]
    public static partial void NotifyResumeAnalysisMissing(ILogger logger, string blobName);

    [LoggerMessage(4040, LogLevel.Error, "Delivery record {DeliveryId} is unreadable and was set aside (not redriven): {Reason}")]
    public static partial void RecordUnreadable(ILogger logger, string deliveryId, string reason);

    [LoggerMessage(4041, LogLevel.Error, "RedriveDeliveries could not attempt {DeliveryId}; going on with the others")]
    public static partial void RedriveOfOneFailed(ILogger logger, string deliveryId, Exception exception);

    [LoggerMessage(4042, LogLevel.Warning, "Delivery {DeliveryId} attempt {Attempts} ended ({Outcome}: {Reason}) after its claim was taken over; the other attempt's outcome stands")]
    public static partial void ClaimLost(ILogger logger, string deliveryId, int attempts, OutcomeKind outcome, string reason);

    [LoggerMessage(4043, LogLevel.Error, "Delivery {DeliveryId} to {SubscriberId} by {Channel} is blocked by configuration, trying again at {NextAttempt}: {Reason}")]
    public static partial void DeliveryBlocked(ILogger logger, string deliveryId, string subscriberId, string channel, DateTimeOffset nextAttempt, string reason);

    [LoggerMessage(4044, LogLevel.Information, "Feedback from {SubscriberId}: {Action} {Argument} (subscriptions changed: {Changed})")]
    public static partial void FeedbackApplied(ILogger logger, string subscriberId, FeedbackAction action, string argument, bool changed);

    [LoggerMessage(4045, LogLevel.Warning, "Feedback link refused ({Reason}) for {SubscriberId}; nothing changed")]
    public static partial void FeedbackRejected(ILogger logger, string reason, string subscriberId);

    [LoggerMessage(4046, LogLevel.Information, "Feedback link {Fingerprint} of {SubscriberId} ({Action}) was already used; nothing changed")]
    public static partial void FeedbackReplayed(ILogger logger, string subscriberId, FeedbackAction action, string fingerprint);

    [LoggerMessage(4047, LogLevel.Debug, "The subscriptions document changed while being edited (attempt {Attempt} of {MaxAttempts}); reading it again")]
    public static partial void SubscriptionsEditConflict(ILogger logger, int attempt, int maxAttempts);

    [LoggerMessage(4048, LogLevel.Error, "Feedback from {SubscriberId} ({Action}) could not be saved: the subscriptions document is {Outcome}; nothing changed")]
    public static partial void FeedbackEditFailed(ILogger logger, string subscriberId, FeedbackAction action, SubscriptionsEdit outcome);
}
