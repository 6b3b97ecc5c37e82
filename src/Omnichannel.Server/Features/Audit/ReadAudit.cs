using Mediator;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.Audit;

/// <summary>
/// <c>GET /api/audit?since=&amp;after=&amp;limit=</c>: one page of the audit log from <c>since</c> (a day ago when left
/// out), after the entry numbered <c>after</c>.
/// </summary>
public sealed record ReadAudit(DateTimeOffset? Since, long? After, int? Limit) : IRequest<AuditPage>, IValidatable
{
    public const int MaxLimit = 1000;

    public IEnumerable<ValidationError> Validate() =>
        Limit is < 1 or > MaxLimit ? [new("limit", $"must be 1 to {MaxLimit}.")] : [];
}

public sealed class ReadAuditHandler(IAuditLog audit, TimeProvider time) : IRequestHandler<ReadAudit, AuditPage>
{
    private const int DefaultLimit = 100;

    public async ValueTask<AuditPage> Handle(ReadAudit request, CancellationToken cancellationToken)
    {
        var take = request.Limit ?? DefaultLimit;
        var from = request.Since ?? time.GetUtcNow().AddDays(-1);
        var entries = await audit.ReadAsync(from, request.After ?? 0, take, cancellationToken);
        var next = entries.Count == take ? new AuditCursor(entries[^1].At, entries[^1].Sequence) : null;
        return new AuditPage([.. entries.Select(AuditApi.ToJson)], next);
    }
}
