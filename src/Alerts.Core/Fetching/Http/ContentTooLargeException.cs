namespace Alerts.Fetching;

/// <summary>A response (after decompression) is larger than the configured limit.</summary>
public sealed class ContentTooLargeException : Exception
{
    public ContentTooLargeException()
    {
    }

    public ContentTooLargeException(string message) : base(message)
    {
    }

    public ContentTooLargeException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public ContentTooLargeException(long limitBytes) : base($"content exceeds the limit of {limitBytes} bytes")
        => LimitBytes = limitBytes;

    public long LimitBytes { get; }
}
