using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Omnichannel.Server.Channels.WebChat;

/// <summary>Per-visitor limits on this node: connections, messages and typing signals.</summary>
public sealed class VisitorLimits(TimeProvider time)
{
    public const int MaxConnections = 5;
    public const int MessagesPerWindow = 10;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, HashSet<string>> _connections = new(StringComparer.Ordinal);
    private readonly PartitionedRateLimiter<string> _sends = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = MessagesPerWindow, Window = Window, QueueLimit = 0 }));
    private readonly ConcurrentDictionary<string, DateTimeOffset> _typing = new(StringComparer.Ordinal);

    public bool TryConnect(Visitor visitor, string connectionId)
    {
        var set = _connections.GetOrAdd(visitor.Identity, _ => []);
        lock (set)
        {
            if (set.Count >= MaxConnections)
            {
                return false;
            }

            set.Add(connectionId);
            return true;
        }
    }

    public void Disconnect(Visitor visitor, string connectionId)
    {
        if (_connections.TryGetValue(visitor.Identity, out var set))
        {
            lock (set)
            {
                set.Remove(connectionId);
                if (set.Count == 0)
                {
                    _connections.TryRemove(new KeyValuePair<string, HashSet<string>>(visitor.Identity, set));
                }
            }
        }
    }

    public bool TryAcquireSend(Visitor visitor)
    {
        using var lease = _sends.AttemptAcquire(visitor.Identity);
        return lease.IsAcquired;
    }

    /// <summary>At most one typing signal per visitor per second.</summary>
    public bool TryAcquireTyping(Visitor visitor)
    {
        var now = time.GetUtcNow();
        var last = _typing.GetValueOrDefault(visitor.Identity);
        if (now - last < TimeSpan.FromSeconds(1))
        {
            return false;
        }

        _typing[visitor.Identity] = now;
        return true;
    }
}
