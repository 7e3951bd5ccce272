using Microsoft.Extensions.Logging;

namespace Alerts.Analysis;

internal static partial class Log
{
    [LoggerMessage(2001, LogLevel.Information, "Analysed {BlobName}: {Statements} statements ({Analyzer} analyzer)")]
    public static partial void Analyzed(ILogger logger, string blobName, int statements, string analyzer);

    [LoggerMessage(2002, LogLevel.Debug, "Article {BlobName} is already analysed")]
    public static partial void AlreadyAnalyzed(ILogger logger, string blobName);

    [LoggerMessage(2003, LogLevel.Error, "Article {BlobName} rejected: {Reason}")]
    public static partial void ArticleUnreadable(ILogger logger, string blobName, string reason);
}
