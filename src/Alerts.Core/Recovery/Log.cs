using Microsoft.Extensions.Logging;

namespace Alerts.Recovery;

internal static partial class Log
{
    [LoggerMessage(5001, LogLevel.Warning, "Reconciled {Container}/{BlobName}: its trigger had not run {Age} after the blob was written")]
    public static partial void HandedOn(ILogger logger, string container, string blobName, TimeSpan age);

    [LoggerMessage(5002, LogLevel.Error, "Reconciling {Container}/{BlobName} failed; the next run tries again")]
    public static partial void HandOnFailed(ILogger logger, string container, string blobName, Exception exception);

    [LoggerMessage(5003, LogLevel.Information, "Reconciler: {HandedOn} blob(s) handed on, {Failed} failed, {Left} left for the next run, {DeadLetters} dead-lettered event blob(s) drained")]
    public static partial void Reconciled(ILogger logger, int handedOn, int failed, int left, int deadLetters);

    [LoggerMessage(5004, LogLevel.Warning, "Dead-lettered event blob {BlobName} is not a JSON array of events; left in place: {Reason}")]
    public static partial void DeadLetterUnreadable(ILogger logger, string blobName, string reason);

    [LoggerMessage(5005, LogLevel.Warning, "Dead-lettered BlobCreated for {Container}/{BlobName} handed on")]
    public static partial void DeadLetterHandedOn(ILogger logger, string container, string blobName);

    [LoggerMessage(5006, LogLevel.Error, "Quarantined {Container}/{BlobName} after {Attempts} failed attempt(s): {ExceptionType}: {Reason} (./run.sh poison list|retry)")]
    public static partial void Quarantined(ILogger logger, string container, string blobName, int attempts, string exceptionType, string reason);

    [LoggerMessage(5007, LogLevel.Warning, "{Container}/{BlobName} failed (attempt {Attempts} of {MaxAttempts}), to be retried: {ExceptionType}: {Reason}")]
    public static partial void AttemptFailed(ILogger logger, string container, string blobName, int attempts, int maxAttempts, string exceptionType, string reason);

    [LoggerMessage(5008, LogLevel.Warning, "{Container}/{BlobName} is quarantined; its step is not run (./run.sh poison retry)")]
    public static partial void SkippedQuarantined(ILogger logger, string container, string blobName);
}
