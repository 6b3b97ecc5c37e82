using Microsoft.Extensions.Options;
using Polly;

namespace Omnichannel.Server.Outbox;

public static class OutboxRegistration
{
    public const string PipelineName = "outbox";

    /// <summary>
    /// The one outbox sender for every channel that registered an <c>IOutboundChannel</c>, and its resilience
    /// pipeline (Polly, through Microsoft.Extensions.Resilience, which adds its logs and metrics): a timeout per
    /// attempt. Retries are not Polly's: they wait in the store's outbox, so they survive a restart and any node
    /// may make them.
    /// </summary>
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddResiliencePipeline(PipelineName, (pipeline, context) =>
        {
            // The attempt runs against a real peer over a real network, so it is timed on the real clock, also
            // when tests move the server's TimeProvider on by minutes.
            pipeline.TimeProvider = TimeProvider.System;
            pipeline.AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<OutboxOptions>>().Value.AttemptTimeout);
        });
        // Also this node's handler of MessageCreated (the mediator finds it): one instance wakes the senders.
        builder.Services.AddSingleton<OutboundSignals>();
        builder.Services.AddHostedService<OutboxService>();
        return builder;
    }
}
