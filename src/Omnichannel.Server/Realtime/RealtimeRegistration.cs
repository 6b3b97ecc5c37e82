using Omnichannel.Redis;

namespace Omnichannel.Server.Realtime;

public static class RealtimeRegistration
{
    public const string HubPath = "/hubs/agent";

    /// <summary>SignalR with the agent hub; with a Redis store (several nodes) the Redis backplane carries group sends between nodes.</summary>
    public static IHostApplicationBuilder AddRealtime(this IHostApplicationBuilder builder)
    {
        var signalR = builder.Services.AddSignalR();
        var store = builder.Configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        if (!string.IsNullOrWhiteSpace(store.Redis))
        {
            signalR.AddStackExchangeRedis(store.Redis, options => options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal($"oc:{{{store.Workspace}}}:signalr"));
        }

        builder.Services.AddSingleton<Audience>();
        builder.Services.AddSingleton<InboxEvents>();
        builder.Services.AddSingleton<PresenceTracker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PresenceTracker>());
        return builder;
    }

    public static WebApplication MapRealtime(this WebApplication app)
    {
        app.MapHub<AgentHub>(HubPath);
        return app;
    }
}
