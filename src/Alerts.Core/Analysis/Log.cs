using Microsoft.Extensions.Logging;

namespace Alerts.Analysis;

internal static partial class Log
{
    [LoggerMessage(2001, LogLevel.Information, "Analyzed article {ArticleId}: {StatementCount} statements, {OnTopicCount} on topic")]
    public static partial void ArticleAnalyzed(ILogger logger, string articleId, int statementCount, int onTopicCount);

    [LoggerMessage(2002, LogLevel.Debug, "Article {BlobName} is already analysed")]
    public static partial void AlreadyAnalyzed(ILogger logger, string blobName);

    [LoggerMessage(2003, LogLevel.Error, "Article {BlobName} rejected: {Reason}")]
    public static partial void ArticleUnreadable(ILogger logger, string blobName, string reason);
}
