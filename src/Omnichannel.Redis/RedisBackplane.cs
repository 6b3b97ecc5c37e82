using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Omnichannel.Redis;

public static class RedisBackplane
{
    /// <summary>
    /// With a Redis store (several nodes), SignalR's Redis backplane carries hub sends between nodes, on channels under
    /// the workspace's prefix. The embedded store serves one node, which needs no backplane.
    /// </summary>
    public static ISignalRServerBuilder AddRedisBackplane(this ISignalRServerBuilder signalR, IConfiguration configuration)
    {
        var store = configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        if (!string.IsNullOrWhiteSpace(store.Redis))
        {
            signalR.AddStackExchangeRedis(store.Redis, options =>
                options.Configuration.ChannelPrefix = RedisChannel.Literal($"oc:{{{store.Workspace}}}:signalr"));
        }

        return signalR;
    }
}
