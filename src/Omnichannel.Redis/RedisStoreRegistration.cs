using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Core.Ports;
using Omnichannel.Redis.Embedded;

namespace Omnichannel.Redis;

public static class RedisStoreRegistration
{
    /// <summary>
    /// Registers the Redis-backed stores. With no <c>Omnichannel:Store:Redis</c> connection string, hosts Garnet
    /// in-process; call this before registering anything else that uses the store so the store stops last.
    /// </summary>
    public static IHostApplicationBuilder AddRedisConversationStore(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<StoreOptions>()
            .BindConfiguration(StoreOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var configured = builder.Configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        var embedded = string.IsNullOrWhiteSpace(configured.Redis);
        if (embedded)
        {
            builder.Services.AddSingleton(sp =>
            {
                var options = sp.GetRequiredService<IOptions<StoreOptions>>().Value;
                // Relative to the working directory, as a user reading "./data" expects.
                var directory = Path.GetFullPath(options.DataDirectory);
                return new EmbeddedGarnet(options.Embedded, directory, sp.GetRequiredService<ILoggerFactory>());
            });
            builder.Services.AddHostedService<EmbeddedGarnetHostedService>();
            builder.Services.AddSingleton<EmbeddedStoreMonitor>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<EmbeddedStoreMonitor>());
        }

        builder.Services.AddSingleton(sp => new RedisConnection(
            sp.GetRequiredService<IOptions<StoreOptions>>().Value,
            embedded ? sp.GetRequiredService<EmbeddedGarnet>() : null,
            meters: sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        builder.Services.AddSingleton<RedisConversationStore>();
        builder.Services.AddSingleton<IConversationStore>(sp => sp.GetRequiredService<RedisConversationStore>());
        builder.Services.AddSingleton<IContactDirectory, RedisContactDirectory>();
        builder.Services.AddSingleton<IAgentStore, RedisAgentStore>();
        builder.Services.AddSingleton<IOutboundQueue, RedisOutboundQueue>();
        builder.Services.AddSingleton<IApiTokenStore, RedisApiTokenStore>();
        builder.Services.AddSingleton<ISessionStore, RedisSessionStore>();
        builder.Services.AddSingleton<IQueueStore, RedisQueueStore>();
        builder.Services.AddSingleton<IAssignmentStore, RedisAssignmentStore>();
        builder.Services.AddSingleton<IAuditLog, RedisAuditLog>();
        builder.Services.AddSingleton<IViewerStore, RedisViewerStore>();
        builder.Services.AddSingleton<ISiteStore, RedisSiteStore>();
        builder.Services.AddSingleton<IUploadStore, RedisUploadStore>();
        builder.Services.AddSingleton<IVisitorPresenceStore, RedisVisitorPresenceStore>();
        builder.Services.AddSingleton<IShiftStore, RedisShiftStore>();
        builder.Services.AddSingleton<ISlaPolicyStore, RedisSlaPolicyStore>();
        builder.Services.AddSingleton<IIncidentStore, RedisIncidentStore>();
        builder.Services.AddSingleton<ISlaStore, RedisSlaStore>();
        builder.Services.AddSingleton<ICannedResponseStore, RedisCannedResponseStore>();
        builder.Services.AddSingleton<IArticleStore, RedisArticleStore>();
        builder.Services.AddSingleton<ITelegramStateStore, RedisTelegramState>();
        builder.Services.AddSingleton<IMailboxStateStore, RedisMailboxState>();
        builder.Services.AddSingleton<IQuarantineStore, RedisQuarantine>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<StoreOptions>>().Value);
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        return builder;
    }
}
