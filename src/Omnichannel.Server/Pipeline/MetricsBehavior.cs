using System.Diagnostics;
using Mediator;

namespace Omnichannel.Server.Pipeline;

/// <summary>Counts and times every request by type and outcome (meter <c>Omnichannel</c>).</summary>
public sealed class MetricsBehavior<TMessage, TResponse>(InboxMetrics metrics) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Core.Validation.RequestValidationException)
        {
            outcome = "invalid";
            throw;
        }
        catch
        {
            outcome = "error";
            throw;
        }
        finally
        {
            metrics.RecordRequest(typeof(TMessage).Name, outcome, Stopwatch.GetElapsedTime(started));
        }
    }
}
