using System.Collections.Concurrent;
using Microsoft.Azure.WebJobs.Host;

namespace Alerts.Host;

/// <summary>The WebJobs SDK's singleton locks (timer listeners) held in this process rather than as storage leases, so
/// a host killed with its locks held does not keep its successor's timers stopped until the leases lapse.</summary>
// IDistributedLockManager is marked 'not ready for public consumption', yet it is how the SDK lets hosts supply locks.
#pragma warning disable CS0618
internal sealed class ProcessLockManager : IDistributedLockManager
{
    private readonly ConcurrentDictionary<string, Lock> locks = new(StringComparer.Ordinal);

    public Task<IDistributedLock?> TryLockAsync(
        string account, string lockId, string lockOwnerId, string proposedLeaseId, TimeSpan lockPeriod, CancellationToken cancellationToken)
    {
        var handle = new Lock(Key(account, lockId), lockId, lockOwnerId);
        return Task.FromResult<IDistributedLock?>(locks.TryAdd(handle.Key, handle) ? handle : null);
    }

    public Task<bool> RenewAsync(IDistributedLock lockHandle, CancellationToken cancellationToken)
        => Task.FromResult(lockHandle is Lock held && locks.TryGetValue(held.Key, out var current) && ReferenceEquals(current, held));

    public Task ReleaseLockAsync(IDistributedLock lockHandle, CancellationToken cancellationToken)
    {
        if (lockHandle is Lock held)
        {
            locks.TryRemove(new KeyValuePair<string, Lock>(held.Key, held));
        }

        return Task.CompletedTask;
    }

    public Task<string?> GetLockOwnerAsync(string account, string lockId, CancellationToken cancellationToken)
        => Task.FromResult(locks.TryGetValue(Key(account, lockId), out var held) ? held.Owner : null);

    private static string Key(string? account, string lockId) => $"{account}/{lockId}";

    private sealed class Lock(string key, string lockId, string? owner) : IDistributedLock
    {
        public string Key { get; } = key;

        public string LockId { get; } = lockId;

        public string? Owner { get; } = owner;

        // Never lost: nothing but this process holds it.
        public Task LeaseLost { get; } = new TaskCompletionSource().Task;
    }
}
#pragma warning restore CS0618
