using Microsoft.Extensions.Logging;

namespace Alerts.Analysis;

internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Analyzed article {ArticleId}: {StatementCount} statements, {OnTopicCount} on topic")]
    public static partial void ArticleAnalyzed(ILogger logger, string articleId, int statementCount, int onTopicCount);
}
