using Mediator;
using Omnichannel.Core.Access;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.CannedResponses;

/// <summary>
/// <c>GET /api/canned-responses?search=</c>: what the caller may use (the shared ones and their own personal ones), by
/// short code; <c>search</c> keeps those whose short code or title contains it, ignoring case.
/// </summary>
public sealed record ListCannedResponses(Agent Agent, string? Search)
    : IRequest<IReadOnlyList<CannedResponseDto>>, IValidatable
{
    public const int MaxSearchLength = 100;

    public IEnumerable<ValidationError> Validate() => TextRules.Optional("search", Search, MaxSearchLength);
}

public sealed class ListCannedResponsesHandler(ICannedResponseStore responses)
    : IRequestHandler<ListCannedResponses, IReadOnlyList<CannedResponseDto>>
{
    public async ValueTask<IReadOnlyList<CannedResponseDto>> Handle(
        ListCannedResponses request, CancellationToken cancellationToken)
    {
        var search = request.Search?.Trim().TrimStart('/') ?? "";
        return [.. (await responses.ListAsync(cancellationToken))
            .Where(r => CannedResponseAccess.CanUse(request.Agent, r))
            .Where(r => search.Length == 0
                || r.ShortCode.Contains(search, StringComparison.OrdinalIgnoreCase)
                || (r.Title?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false))
            .Select(CannedResponseDto.From)];
    }
}
