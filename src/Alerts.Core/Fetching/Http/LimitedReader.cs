using System.Buffers;

namespace Alerts.Fetching;

public static class LimitedReader
{
    /// <summary>
    /// Reads the whole stream but stops with <see cref="ContentTooLargeException"/> as soon as more than
    /// <paramref name="maxBytes"/> arrive. Give it the decompressed stream, so a small gzip bomb cannot fill memory.
    /// </summary>
    public static async Task<byte[]> ReadAllAsync(Stream stream, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        if (stream.CanSeek && stream.Length - stream.Position > maxBytes)
        {
            throw new ContentTooLargeException(maxBytes);
        }

        using var content = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(81_920);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                if (content.Length + read > maxBytes)
                {
                    throw new ContentTooLargeException(maxBytes);
                }
                content.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return content.ToArray();
    }
}
