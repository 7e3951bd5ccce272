namespace Alerts.Delivery;

public enum DeliveryStatus
{
    Pending,
    Sent,
    Failed,
}

public enum DeliveryKind
{
    Alert,
    Digest,
}

/// <summary>The durable record of one message to one subscriber through one channel, written before anything is sent.
/// It carries everything needed to send (or resend after a restart) without the analysis that caused it.</summary>
public sealed record DeliveryRecord
{
    /// <summary>Blob path under <c>deliveries/records/</c>, without <c>.json</c>.</summary>
    public required string Id { get; init; }
    public required DeliveryKind Kind { get; init; }
    public required string SubscriberId { get; init; }
    public required string SubscriberName { get; init; }
    public required string Channel { get; init; }
    /// <summary>The email address, or the name of the setting holding the Teams webhook URL (never the URL).</summary>
    public required string Address { get; init; }
    /// <summary>The same for every attempt of this delivery, so a repeat is recognisably the same message.</summary>
    public required string MessageId { get; init; }
    public required IReadOnlyList<Alert> Alerts { get; init; }
    /// <summary>For digests: the period covered, in the subscriber's time zone.</summary>
    public string? Period { get; init; }
    public required DeliveryStatus Status { get; init; }
    public required DateTimeOffset Created { get; init; }
    public DateTimeOffset NextAttempt { get; init; }
    public DateTimeOffset? LastAttempt { get; init; }
    public DateTimeOffset? Sent { get; init; }
    public int Attempts { get; init; }
    public string? LastError { get; init; }
}

public enum OutcomeKind
{
    Sent,
    Transient,
    Permanent,
    /// <summary>The app's configuration stops every send of this kind (an unresolved Key Vault reference, a missing or
    /// refused credential): retried at the longest back-off until an operator fixes it, without using up attempts.</summary>
    Blocked,
}

/// <summary>What one send attempt came to. Transient failures are retried (after <see cref="RetryAfter"/> when the
/// server said so); permanent ones stop and keep the reason; blocked ones wait for the configuration to be fixed.</summary>
public sealed record DeliveryOutcome(OutcomeKind Kind, string? Reason = null, TimeSpan? RetryAfter = null)
{
    public static DeliveryOutcome Success { get; } = new(OutcomeKind.Sent);

    public static DeliveryOutcome Transient(string reason, TimeSpan? retryAfter = null) => new(OutcomeKind.Transient, reason, retryAfter);

    public static DeliveryOutcome Permanent(string reason) => new(OutcomeKind.Permanent, reason);

    public static DeliveryOutcome Blocked(string reason) => new(OutcomeKind.Blocked, reason);
}
