using System.IO.Compression;
using Alerts.Fetching;

namespace Alerts.Tests.Fetching;

public sealed class LimitedReaderTests
{
    [Fact]
    public async Task ReadAllAsync_WithinLimit_ReturnsAllBytes()
    {
        var bytes = await LimitedReader.ReadAllAsync(new MemoryStream([1, 2, 3]), 3, CancellationToken.None);

        Assert.Equal([1, 2, 3], bytes);
    }

    [Fact]
    public async Task ReadAllAsync_OverLimit_ThrowsContentTooLargeNamingTheLimit()
    {
        var exception = await Assert.ThrowsAsync<ContentTooLargeException>(
            () => LimitedReader.ReadAllAsync(new MemoryStream(new byte[1001]), 1000, CancellationToken.None));

        Assert.Equal(1000, exception.LimitBytes);
        Assert.Contains("1000 bytes", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAllAsync_GzipBomb_StopsAtTheLimit()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 100; i++)
            {
                await gzip.WriteAsync(zeros);
            }
        }
        compressed.Position = 0;
        Assert.True(compressed.Length < 1024 * 1024);
        await using var decompressed = new GZipStream(compressed, CompressionMode.Decompress);

        await Assert.ThrowsAsync<ContentTooLargeException>(
            () => LimitedReader.ReadAllAsync(decompressed, 5 * 1024 * 1024, CancellationToken.None));
        Assert.True(compressed.Position < compressed.Length, "the reader should stop long before the end of the bomb");
    }

    [Fact]
    public async Task ReadAllAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => LimitedReader.ReadAllAsync(new NonSeekableStream(new byte[10]), 100, cancelled.Token));
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return base.ReadAsync(buffer, cancellationToken);
        }
    }
}
