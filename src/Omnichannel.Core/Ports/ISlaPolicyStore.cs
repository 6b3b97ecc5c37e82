using Omnichannel.Core.Sla;

namespace Omnichannel.Core.Ports;

/// <summary>SLA policies (docs/sla.md). Policy ids are URL-safe slugs chosen by the lead (<c>standard</c>, <c>vip</c>).</summary>
public interface ISlaPolicyStore
{
    Task<IReadOnlyList<SlaPolicy>> ListAsync(CancellationToken cancellationToken = default);

    Task<SlaPolicy?> GetAsync(string policyId, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces the policy in one atomic write; returns the version it replaced (null when new).</summary>
    Task<SlaPolicy?> SaveAsync(SlaPolicy policy, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Removes the policy; returns what was removed (null when there was none).</summary>
    Task<SlaPolicy?> DeleteAsync(string policyId, CancellationToken cancellationToken = default);
}
