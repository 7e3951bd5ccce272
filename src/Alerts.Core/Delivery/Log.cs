using Microsoft.Extensions.Logging;

namespace Alerts.Delivery;

internal static partial class Log
{
    [LoggerMessage(4001, LogLevel.Information, "Notified {BlobName}: {Statements} statements, {NewStatements} new, {Deliveries} deliveries")]
    public static partial void Notified(ILogger logger, string blobName, int statements, int newStatements, int deliveries);

    [LoggerMessage(4002, LogLevel.Information, "Delivered alert {AlertKey} to {SubscriberId} by {Channel}")]
    public static partial void Delivered(ILogger logger, string alertKey, string subscriberId, string channel);

    [LoggerMessage(4003, LogLevel.Error, "Analysis {BlobName} rejected: {Reason}")]
    public static partial void AnalysisUnreadable(ILogger logger, string blobName, string reason);
}
