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

    [LoggerMessage(2004, LogLevel.Warning, "Azure AI Language {Kind} call failed with {Status} {ErrorCode}")]
    public static partial void LanguageRequestFailed(ILogger logger, string kind, int status, string errorCode);

    [LoggerMessage(2005, LogLevel.Warning, "Azure AI Language {Kind} rejected document {DocumentId}: {ErrorCode} {Message}")]
    public static partial void LanguageDocumentRejected(ILogger logger, string kind, string documentId, string errorCode, string message);

    [LoggerMessage(2006, LogLevel.Information, "Azure AI Language retry {Attempt} after status {Status}, waiting {Delay}")]
    public static partial void LanguageRetry(ILogger logger, int attempt, int status, TimeSpan delay);

    [LoggerMessage(2007, LogLevel.Debug, "Article {ArticleId}: {Paragraphs} paragraphs ({Characters} characters) sent to {Analyzer}")]
    public static partial void MeteredSpans(ILogger logger, string articleId, int paragraphs, int characters, string analyzer);

    [LoggerMessage(2008, LogLevel.Warning, "Article {ArticleId}: {Analyzer} unavailable ({Reason}), entities and sentiment analysed offline: {Error}")]
    public static partial void LanguageUnavailable(ILogger logger, string articleId, string analyzer, string reason, string error);
}
