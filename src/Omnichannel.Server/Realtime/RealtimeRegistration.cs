using System.Text.Json;
using System.Text.Json.Serialization;
using Omnichannel.Redis;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Realtime;

public static class RealtimeRegistration
{
    public const string HubPath = "/hubs/agent";

    /// <summary>The hub's enum format; .NET clients add the same converter (<c>AddJsonProtocol</c>).</summary>
    public static readonly JsonStringEnumConverter EnumsAsStrings = new(JsonNamingPolicy.CamelCase);

    /// <summary>
    /// SignalR with the agent hub, whose pushes travel between nodes as live signals on the store's pub/sub; with a Redis
    /// store (several nodes) the Redis backplane carries the visitor hub's group sends between nodes.
    /// </summary>
    public static IHostApplicationBuilder AddRealtime(this IHostApplicationBuilder builder)
    {
        // Enums as camelCase strings, as in the REST API: the browser reads one shape of a conversation from both.
        builder.Services.AddSignalR()
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(EnumsAsStrings))
            .AddRedisBackplane(builder.Configuration);

        builder.Services.AddSingleton<InboxEvents>();
        builder.Services.AddSingleton<LiveConnections>();
        builder.Services.AddSingleton<PrincipalDirectory>();
        builder.Services.AddSingleton<LiveFanout>();
        builder.Services.AddSingleton<LiveBus>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveBus>());
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
