using System.Text.Json;
using Omnichannel.Core.Events;
using Omnichannel.Redis;
using StackExchange.Redis;

namespace Omnichannel.Server.Realtime;

/// <summary>
/// Carries <see cref="LiveSignal"/>s to every node over the store's pub/sub (Redis, or the embedded Garnet), so each
/// node pushes to its own hub connections (<see cref="LiveFanout"/>). Signals are handled one at a time, in order.
/// Every <see cref="RecheckInterval"/> the node also re-reads the principal of each open connection, in case an
/// <see cref="AccessChanged"/> signal was lost while the subscription reconnected.
/// </summary>
public sealed class LiveBus(
    RedisConnection redis,
    LiveFanout fanout,
    TimeProvider time,
    ILogger<LiveBus> logger) : BackgroundService
{
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(5);

    private ChannelMessageQueue? _queue;

    private RedisChannel Channel => RedisChannel.Literal(redis.Keys.Prefix + "live");

    public async Task PublishAsync(LiveSignal signal, CancellationToken ct)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(signal, LiveSignalJsonContext.Default.LiveSignal);
        var multiplexer = await redis.MultiplexerAsync();
        await multiplexer.GetSubscriber().PublishAsync(Channel, payload);
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribed before the host serves requests, so no signal of this node's own first changes is missed.
        var multiplexer = await redis.MultiplexerAsync();
        _queue = await multiplexer.GetSubscriber().SubscribeAsync(Channel);
        _queue.OnMessage(OnSignalAsync);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_queue is not null)
            {
                await _queue.UnsubscribeAsync();
            }
        }
        catch (Exception ex) when (ex is ObjectDisposedException or RedisException or TimeoutException)
        {
            // Shutting down: the connection may already be gone, and the subscription with it. Failing the stop
            // would fail the host's shutdown (seen in tests whose store connection closed first).
            logger.LogDebug(ex, "Unsubscribing from live signals at shutdown failed");
        }

        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RecheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await fanout.RecheckAllAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Rechecking the principals of open hub connections failed");
            }
        }
    }

    private async Task OnSignalAsync(ChannelMessage message)
    {
        try
        {
            if (JsonSerializer.Deserialize(((byte[]?)message.Message)!, LiveSignalJsonContext.Default.LiveSignal) is { } signal)
            {
                await fanout.DeliverAsync(signal, CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            // A push that fails is caught up by the client's Resume; the bus goes on with the next signal.
            logger.LogWarning(ex, "Could not deliver a live signal to this node's hub connections");
        }
    }
}
