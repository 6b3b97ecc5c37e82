using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Omnichannel.Redis.Embedded;

/// <summary>
/// Starts the embedded store with the host. Registered before anything that uses Redis, so the host stops it
/// last (hosted services stop in reverse order), after every writer has finished.
/// </summary>
internal sealed class EmbeddedGarnetHostedService(EmbeddedGarnet garnet, RedisConnection connection, ILogger<EmbeddedGarnetHostedService> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        garnet.EnsureStarted();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!garnet.IsRunning)
        {
            return;
        }

        try
        {
            // A checkpoint at shutdown makes the next start load a snapshot instead of replaying the whole file.
            var multiplexer = await connection.MultiplexerAsync();
            var server = multiplexer.GetServers()[0];
            // SAVE, not BGSAVE: the process is about to stop, so wait for the checkpoint to finish.
            await server.ExecuteAsync("SAVE");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Checkpoint at shutdown failed; the next start replays the append-only file");
        }

        garnet.Stop();
    }
}
