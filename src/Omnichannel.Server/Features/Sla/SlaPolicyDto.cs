using Omnichannel.Core.Sla;

namespace Omnichannel.Server.Features.Sla;

/// <summary>
/// An SLA policy as the API shows it: the definition <c>PUT /api/sla-policies/{id}</c> takes (see
/// <see cref="SlaPolicyDefinition"/>), with its id, so a <c>GET</c> answer can be sent back unchanged.
/// </summary>
public sealed record SlaPolicyDto(
    string Id,
    string Name,
    IReadOnlyDictionary<string, SlaTargetsDefinition?> Targets,
    BusinessHoursDefinition? BusinessHours,
    int? WarnAtPercent,
    bool PauseWhilePending,
    bool EscalateOnBreach)
{
    public static SlaPolicyDto From(SlaPolicy policy)
    {
        var definition = SlaPolicyDefinition.From(policy);
        return new(policy.Id, policy.Name, definition.Targets!, definition.BusinessHours, policy.WarnAtPercent, policy.PauseWhilePending, policy.EscalateOnBreach);
    }
}
