using Microsoft.Extensions.Logging;

namespace Alerts.Novelty;

internal static partial class Log
{
    [LoggerMessage(3001, LogLevel.Debug, "Statement {Key} is new (compared with {Candidates} known statements)")]
    public static partial void New(ILogger logger, string key, int candidates);

    [LoggerMessage(3002, LogLevel.Debug, "Statement {Key} repeats {KnownKey} (score {Score})")]
    public static partial void Known(ILogger logger, string key, string knownKey, double score);

    [LoggerMessage(3004, LogLevel.Debug, "Speaker bucket {Bucket}: {Dropped} oldest statement(s) dropped to keep its document within {MaxBytes} bytes")]
    public static partial void SpeakerDocumentTrimmed(ILogger logger, string bucket, int dropped, int maxBytes);

    [LoggerMessage(3003, LogLevel.Debug, "Statement {Key}: another instance changed the speaker's statements; matching again (attempt {Attempt})")]
    public static partial void CommitConflict(ILogger logger, string key, int attempt);
}
