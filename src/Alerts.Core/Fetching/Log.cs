using Microsoft.Extensions.Logging;

namespace Alerts.Fetching;

internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Fetched {Sources} sources ({FailedSources} failed): {Items} items, {Stored} stored, {AlreadyStored} already stored")]
    public static partial void FetchCompleted(ILogger logger, int sources, int failedSources, int items, int stored, int alreadyStored);

    [LoggerMessage(1002, LogLevel.Warning, "Source {Source} failed: {Reason}")]
    public static partial void SourceFailed(ILogger logger, string source, string reason);

    [LoggerMessage(1003, LogLevel.Information, "Source {Source}: {Items} items, {Stored} new")]
    public static partial void SourceFetched(ILogger logger, string source, int items, int stored);

    [LoggerMessage(1004, LogLevel.Information, "Stored article {BlobName} from {Source}: {Url}")]
    public static partial void ArticleStored(ILogger logger, string source, string blobName, string url);

    [LoggerMessage(1005, LogLevel.Warning, "Source {Source}: item {Url} skipped: {Reason}")]
    public static partial void ItemFailed(ILogger logger, string source, string url, string reason);
}
