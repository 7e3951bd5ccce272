namespace Alerts.Fetching;

// Interim reader for the skeleton; replaced by the one from the fetching branch.
public sealed class ContentTooLargeException(long limit) : Exception($"The response is larger than the {limit}-byte limit.");

public static class LimitedReader
{
    public static async Task<byte[]> ReadAllAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) throw new ContentTooLargeException(maxBytes);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
