using Mediator;
using Omnichannel.Core.Access;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.Quarantine;

/// <summary><c>DELETE /api/quarantine/{id}</c>: drops one item and its raw bytes (audited).</summary>
public sealed record DiscardQuarantined(string Id, Principal? Principal, string ActorId) : IRequest<Outcome<string>>, IValidatable
{
    public IEnumerable<ValidationError> Validate() => QuarantineEntryRules.Validate(Id, Principal);
}

public sealed class DiscardQuarantinedHandler(IQuarantineStore quarantine, IBlobStore blobs, TimeProvider time)
    : IRequestHandler<DiscardQuarantined, Outcome<string>>
{
    public async ValueTask<Outcome<string>> Handle(DiscardQuarantined request, CancellationToken cancellationToken)
    {
        if (!AccessRule.CanManageQuarantine(request.Principal))
        {
            return Outcome<string>.Forbidden;
        }

        var removed = await quarantine.RemoveAsync(request.Id, QuarantineRemoval.Discarded, request.ActorId, time.GetUtcNow(), cancellationToken);
        if (removed is null)
        {
            return QuarantineEntryRules.NotFound<string>(request.Id);
        }

        if (removed.RawBlobKey is { } blob)
        {
            await blobs.DeleteAsync(blob, CancellationToken.None);
        }

        return Outcome<string>.Found(request.Id);
    }
}
