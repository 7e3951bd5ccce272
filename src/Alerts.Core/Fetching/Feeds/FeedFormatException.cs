namespace Alerts.Fetching;

/// <summary>The response is not a feed we can read; the message says why ("not a feed: HTML page", "DTD is not allowed").</summary>
public sealed class FeedFormatException : Exception
{
    public FeedFormatException()
    {
    }

    public FeedFormatException(string message) : base(message)
    {
    }

    public FeedFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
