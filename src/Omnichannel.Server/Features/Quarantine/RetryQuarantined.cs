using Mediator;
using Omnichannel.Core.Access;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.Quarantine;

/// <summary>
/// <c>POST /api/quarantine/{id}/retry</c>: runs one item through its channel's ingest again; stored, it leaves the
/// quarantine (audited).
/// </summary>
public sealed record RetryQuarantined(string Id, Principal? Principal, string ActorId) : IRequest<Outcome<QuarantineRetryDto>>, IValidatable
{
    public IEnumerable<ValidationError> Validate() => QuarantineEntryRules.Validate(Id, Principal);
}

/// <remarks>Logs under the category <c>QuarantineRetryDto</c>, as before the slice: alerts may filter on it.</remarks>
public sealed class RetryQuarantinedHandler(
    IQuarantineStore quarantine, IBlobStore blobs, IEnumerable<IQuarantineReplayer> replayers, TimeProvider time, ILogger<QuarantineRetryDto> logger)
    : IRequestHandler<RetryQuarantined, Outcome<QuarantineRetryDto>>
{
    public async ValueTask<Outcome<QuarantineRetryDto>> Handle(RetryQuarantined request, CancellationToken cancellationToken)
    {
        var id = request.Id;
        if (!AccessRule.CanManageQuarantine(request.Principal))
        {
            return Outcome<QuarantineRetryDto>.Forbidden;
        }

        if (await quarantine.GetAsync(id, cancellationToken) is not { } entry)
        {
            return QuarantineEntryRules.NotFound<QuarantineRetryDto>(id);
        }

        if (replayers.FirstOrDefault(r => r.Channel == entry.Item.Channel) is not { } replayer)
        {
            return Outcome<QuarantineRetryDto>.Conflict("The channel is not running.",
                $"Nothing on this server ingests {entry.Item.Channel} items; the entry stays.");
        }

        try
        {
            await using var raw = await QuarantineEntryRules.OpenRawAsync(entry, quarantine, blobs, cancellationToken);
            await replayer.ReplayAsync(entry, raw, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Quarantine entry {Id} ({Channel} {Account} {Item}) still fails", id,
                entry.Item.Channel, entry.Item.Account, entry.Item.ItemId);
            return Outcome<QuarantineRetryDto>.Unprocessable("The item still cannot be stored.", InboundQuarantine.Describe(ex));
        }

        if (await quarantine.RemoveAsync(id, QuarantineRemoval.Retried, request.ActorId, time.GetUtcNow(), cancellationToken)
            is { RawBlobKey: { } blob })
        {
            await blobs.DeleteAsync(blob, CancellationToken.None);
        }

        return Outcome<QuarantineRetryDto>.Found(new QuarantineRetryDto(id, "stored"));
    }
}
