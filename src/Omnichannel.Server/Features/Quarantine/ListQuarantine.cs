using Mediator;
using Omnichannel.Core.Access;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.Quarantine;

/// <summary><c>GET /api/quarantine?offset=&amp;limit=</c>: quarantined items, newest first, with the reason.</summary>
public sealed record ListQuarantine(int? Offset, int? Limit, Principal? Principal) : IRequest<Outcome<QuarantineListDto>>, IValidatable
{
    public const int MaxLimit = 200;
    public const int MaxOffset = 1_000_000;

    public IEnumerable<ValidationError> Validate()
    {
        // Who may not look is told so (403) before anything about the query.
        if (!AccessRule.CanManageQuarantine(Principal))
        {
            return [];
        }

        var errors = new List<ValidationError>();
        if (Offset is < 0 or > MaxOffset)
        {
            errors.Add(new("offset", "must be 0 to 1000000."));
        }

        if (Limit is < 1 or > MaxLimit)
        {
            errors.Add(new("limit", $"must be 1 to {MaxLimit}."));
        }

        return errors;
    }
}

public sealed class ListQuarantineHandler(IQuarantineStore quarantine) : IRequestHandler<ListQuarantine, Outcome<QuarantineListDto>>
{
    private const int DefaultLimit = 50;

    public async ValueTask<Outcome<QuarantineListDto>> Handle(ListQuarantine request, CancellationToken cancellationToken)
    {
        if (!AccessRule.CanManageQuarantine(request.Principal))
        {
            return Outcome<QuarantineListDto>.Forbidden;
        }

        var page = await quarantine.ListAsync(request.Offset ?? 0, request.Limit ?? DefaultLimit, cancellationToken);
        return Outcome<QuarantineListDto>.Found(new QuarantineListDto([.. page.Items.Select(QuarantineItemDto.From)], page.NextOffset));
    }
}
