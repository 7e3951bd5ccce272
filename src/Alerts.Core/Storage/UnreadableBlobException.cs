namespace Alerts.Storage;

/// <summary>A stored document no retry can make readable (not JSON, no text): the step that reads it throws this,
/// and the quarantine sets the blob aside at the first attempt.</summary>
public sealed class UnreadableBlobException(string message) : Exception(message);
