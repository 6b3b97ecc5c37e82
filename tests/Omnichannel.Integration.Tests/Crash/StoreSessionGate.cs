using StackExchange.Redis;

namespace Omnichannel.Integration.Tests.Crash;

/// <summary>
/// Hands the writers the session of the server that is up, and holds them while it is down: the killer closes the
/// gate before each kill and opens it with the next start's session.
/// </summary>
internal sealed class StoreSessionGate
{
    private readonly Lock _gate = new();
    private TaskCompletionSource<StoreSession> _current = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The session to write through; waits while the server is down.</summary>
    public Task<StoreSession> CurrentAsync(CancellationToken abort)
    {
        lock (_gate)
        {
            return _current.Task.WaitAsync(abort);
        }
    }

    public void Up(StoreSession session)
    {
        lock (_gate)
        {
            _current.TrySetResult(session);
        }
    }

    /// <summary>Before a kill: whoever asks from now on waits for the next start.</summary>
    public void Down()
    {
        lock (_gate)
        {
            _current = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>What a kill does to the commands in flight on the killed server's connection.</summary>
    public static bool IsConnectionLoss(Exception ex) =>
        ex is RedisConnectionException or RedisTimeoutException or ObjectDisposedException;

    /// <summary>
    /// Called with a connection loss on <paramref name="session"/>: it has to be a kill's doing. Lost while the
    /// session is still the current one, it was not: that is a finding, thrown.
    /// </summary>
    public void EnsureKilled(StoreSession session, Exception loss)
    {
        lock (_gate)
        {
            if (_current.Task.IsCompletedSuccessfully && _current.Task.Result == session)
            {
                throw new InvalidOperationException(
                    $"The store connection failed while no kill was under way (start {session.Generation})", loss);
            }
        }
    }
}
