using Mediator;
using Omnichannel.Core.Ports;
using Omnichannel.Server.Pipeline;
using Polly.Registry;

namespace Omnichannel.Server.Outbox;

/// <summary>Runs one <see cref="OutboxSender"/> for every channel configured on this server.</summary>
internal sealed class OutboxService(
    IEnumerable<IOutboundChannel> channels,
    IOutboundQueue queue,
    IConversationStore store,
    ISender mediator,
    OutboundSignals signal,
    ResiliencePipelineProvider<string> pipelines,
    TimeProvider time,
    InboxMetrics metrics,
    ILoggerFactory loggers) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not before the host has started: the store may be the embedded one, started by an earlier hosted service.
        await Task.Yield();
        var pipeline = pipelines.GetPipeline(OutboxRegistration.PipelineName);
        var logger = loggers.CreateLogger<OutboxSender>();
        await Task.WhenAll(channels.Where(c => c.Enabled).Select(channel =>
            new OutboxSender(channel, queue, store, mediator, signal, pipeline, time, metrics, logger).RunAsync(stoppingToken)));
    }
}
