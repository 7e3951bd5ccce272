using System.ComponentModel.DataAnnotations;

namespace Alerts.Recovery;

public sealed class PoisonOptions
{
    public const string Section = "Poison";

    /// <summary>Failed attempts after which a blob is quarantined. At most the runtime's own limit (host.json
    /// <c>poisonBlobThreshold</c>, 5 locally too), so the record is written before the runtime gives up on the blob.</summary>
    [Range(1, 5)] public int MaxAttempts { get; set; } = 3;
}
