using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Alerts.Recovery;

public sealed class ReconcileOptions
{
    public const string Section = "Reconcile";

    [Required] public string Schedule { get; set; } = "0 */10 * * * *";

    /// <summary>Blobs younger than this are left to their own trigger, so the reconciler does not race it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")] public TimeSpan GracePeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Steps run per reconciler run at most; the rest wait for the next run, oldest first.</summary>
    [Range(1, 10_000)] public int MaxPerRun { get; set; } = 100;
}

internal sealed class ReconcileOptionsValidator : IValidateOptions<ReconcileOptions>
{
    public ValidateOptionsResult Validate(string? name, ReconcileOptions options)
        => Fetching.NCrontabShape.IsValid(options.Schedule)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Reconcile:Schedule '{options.Schedule}' is not a six-field NCRONTAB expression (seconds first), e.g. \"0 */10 * * * *\".");
}
