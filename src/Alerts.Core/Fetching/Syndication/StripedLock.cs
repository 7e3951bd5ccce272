namespace Alerts.Fetching;

/// <summary>
/// In-process locks over string keys, hashed onto a fixed set of stripes and taken in ascending order, so callers
/// holding overlapping key sets serialise and cannot deadlock, while unrelated work runs in parallel.
/// </summary>
internal sealed class StripedLock : IDisposable
{
    private readonly SemaphoreSlim[] stripes;

    public StripedLock(int count = 1024)
    {
        stripes = new SemaphoreSlim[count];
        for (var i = 0; i < count; i++)
        {
            stripes[i] = new SemaphoreSlim(1, 1);
        }
    }

    public async Task<Releaser> AcquireAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var taken = keys.Select(Stripe).Distinct().Order().ToArray();
        var acquired = 0;
        try
        {
            for (; acquired < taken.Length; acquired++)
            {
                await stripes[taken[acquired]].WaitAsync(cancellationToken);
            }
            return new Releaser(this, taken);
        }
        catch
        {
            Release(taken.AsSpan(0, acquired));
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var stripe in stripes)
        {
            stripe.Dispose();
        }
    }

    private int Stripe(string key) => (int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)stripes.Length);

    private void Release(ReadOnlySpan<int> taken)
    {
        foreach (var stripe in taken)
        {
            stripes[stripe].Release();
        }
    }

    public readonly struct Releaser(StripedLock owner, int[] taken) : IDisposable
    {
        public void Dispose() => owner?.Release(taken);
    }
}
