using Microsoft.Extensions.Logging;

namespace Alerts.Fetching;

// Sources are named by their configured name and host, never by full URL: a query string may carry a key.
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Fetched {Sources} sources ({NotModified} not modified, {NotDue} not due, {FailedSources} failed): {Items} items, {Stored} stored, {AlreadyStored} already stored")]
    public static partial void FetchCompleted(ILogger logger, int sources, int notModified, int notDue, int failedSources, int items, int stored, int alreadyStored);

    [LoggerMessage(1002, LogLevel.Warning, "Source {Source} ({Host}) is failing: {Failure}: {Reason}")]
    public static partial void SourceFailed(ILogger logger, string source, string host, FetchFailure failure, string reason);

    [LoggerMessage(1003, LogLevel.Information, "Source {Source}: {Items} items, {Stored} new")]
    public static partial void SourceFetched(ILogger logger, string source, int items, int stored);

    [LoggerMessage(1004, LogLevel.Information, "Stored article {ArticleId} from {Source}: {Url}")]
    public static partial void ArticleStored(ILogger logger, string source, string articleId, string url);

    [LoggerMessage(1005, LogLevel.Warning, "Source {Source}: item {Url} not stored: {Reason}")]
    public static partial void ItemFailed(ILogger logger, string source, string url, string reason);

    [LoggerMessage(1006, LogLevel.Debug, "Source {Source}: not modified")]
    public static partial void SourceNotModified(ILogger logger, string source);

    [LoggerMessage(1007, LogLevel.Debug, "Source {Source}: not due until {NextDue}")]
    public static partial void SourceNotDue(ILogger logger, string source, DateTimeOffset nextDue);

    [LoggerMessage(1008, LogLevel.Debug, "Source {Source} still failing ({Failures} runs in a row): {Failure}: {Reason}")]
    public static partial void SourceStillFailing(ILogger logger, string source, int failures, FetchFailure failure, string reason);

    [LoggerMessage(1040, LogLevel.Warning, "Source {Source} ({Host}) has failed {Failures} runs in a row, since {FailingSince}: {Failure}: {Reason}")]
    public static partial void SourceFailingPersistently(ILogger logger, string source, string host, int failures, DateTimeOffset failingSince, FetchFailure failure, string reason);

    [LoggerMessage(1009, LogLevel.Information, "Source {Source} recovered after {Failures} failed runs")]
    public static partial void SourceRecovered(ILogger logger, string source, int failures);

    [LoggerMessage(1010, LogLevel.Debug, "Source {Source} is disabled")]
    public static partial void SourceDisabled(ILogger logger, string source);

    [LoggerMessage(1011, LogLevel.Warning, "Circuit for source {Source} ({Kind} requests to {Host}) opened for {BreakDuration}: {Reason}")]
    public static partial void CircuitOpened(ILogger logger, string source, FetchKind kind, string host, TimeSpan breakDuration, string reason);

    [LoggerMessage(1012, LogLevel.Information, "Circuit for source {Source} ({Kind} requests to {Host}) closed")]
    public static partial void CircuitClosed(ILogger logger, string source, FetchKind kind, string host);

    [LoggerMessage(1013, LogLevel.Debug, "Source {Source}, {Host}: attempt {Attempt} failed ({Reason}); retrying in {Delay}")]
    public static partial void RetryScheduled(ILogger logger, string source, string host, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(1014, LogLevel.Information, "Source {Source}: {Count} parse warnings: {Warnings}")]
    public static partial void FeedWarnings(ILogger logger, string source, int count, string warnings);

    [LoggerMessage(1015, LogLevel.Warning, "Source {Source} has {Items} items; taking the newest {Limit}")]
    public static partial void ItemsCapped(ILogger logger, string source, int items, int limit);

    [LoggerMessage(1016, LogLevel.Information, "Source {Source}: {Url} is the story stored as {ArticleId} ({Match}); URL recorded on it")]
    public static partial void SyndicatedCopy(ILogger logger, string source, string url, string articleId, string match);

    [LoggerMessage(1017, LogLevel.Debug, "Full text from {Host} not fetched: {Failure}: {Reason}")]
    public static partial void FullTextUnavailable(ILogger logger, string host, FetchFailure failure, string reason);

    [LoggerMessage(1018, LogLevel.Debug, "Source {Source}: state written by another instance meanwhile; theirs kept")]
    public static partial void SourceStateConflict(ILogger logger, string source);

    [LoggerMessage(1019, LogLevel.Warning, "Refused to connect to {Host}: {Address} is not a public address and no Fetch:AllowedPrivateHosts or Fetch:AllowedPrivateNetworks entry allows it")]
    public static partial void AddressRefused(ILogger logger, string host, System.Net.IPAddress address);

    // 1030 onwards: what one hostile or broken source must not do to the others.
    [LoggerMessage(1030, LogLevel.Error, "Source {Source} failed unexpectedly ({ExceptionType}); the run's other sources carry on")]
    public static partial void SourceCrashed(ILogger logger, string source, string exceptionType, Exception exception);

    [LoggerMessage(1031, LogLevel.Error, "Source {Source}: item {Url} failed unexpectedly ({ExceptionType}); it is tried again next run")]
    public static partial void ItemCrashed(ILogger logger, string source, string url, string exceptionType, Exception exception);

    [LoggerMessage(1032, LogLevel.Warning, "Source {Source}: {Content} is not the UTF-8 it was declared as; decoded as {Charset}")]
    public static partial void CharsetRepaired(ILogger logger, string source, string content, string charset);

    [LoggerMessage(1033, LogLevel.Information, "Source {Source}: {Items} item(s) failed in a way a retry can fix; the next poll asks for the whole feed")]
    public static partial void ValidatorsWithheld(ILogger logger, string source, int items);

    [LoggerMessage(1050, LogLevel.Warning, "Source {Source} left for the next run: the run's budget Fetch:RunTimeout ({RunTimeout}) is spent")]
    public static partial void RunBudgetSpent(ILogger logger, string source, TimeSpan runTimeout);

    [LoggerMessage(1034, LogLevel.Error, "Source {Source}: its unexpected failure could not be recorded in its state ({ExceptionType})")]
    public static partial void SourceFailureNotRecorded(ILogger logger, string source, string exceptionType, Exception exception);
}
