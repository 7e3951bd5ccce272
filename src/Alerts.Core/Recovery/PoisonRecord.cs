namespace Alerts.Recovery;

/// <summary>A blob whose step failed, under <c>poison/{container}/{name}.json</c>: counting attempts while it is retried,
/// then, once <see cref="Quarantined"/> is set, the reason the step is no longer run for it.</summary>
public sealed record PoisonRecord
{
    public required string Container { get; init; }
    public required string Name { get; init; }
    public required string Function { get; init; }
    public required int Attempts { get; init; }
    /// <summary>The last failure's exception type and its message with URLs, keys and tokens removed.</summary>
    public required string ExceptionType { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset FirstFailed { get; init; }
    public required DateTimeOffset LastFailed { get; init; }
    public DateTimeOffset? Quarantined { get; init; }

    public bool IsQuarantined => Quarantined is not null;
}
