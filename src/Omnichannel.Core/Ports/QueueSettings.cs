using Omnichannel.Core.Assignment;

namespace Omnichannel.Core.Ports;

/// <summary>A queue's settings and members. Ids are URL-safe slugs (<c>default</c>, <c>billing-l2</c>).</summary>
public sealed record QueueSettings(
    string Id,
    string Name,
    QueuePolicy Policy,
    HandoverPolicy Handover,
    int? UnansweredTimeoutMinutes,
    IReadOnlyList<string> Members,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The SLA policy its conversations are held to (docs/sla.md); null = none.</summary>
    public string? SlaPolicy { get; init; }

    /// <summary>Its support tier: <c>L1</c> (basic), <c>L2</c>, <c>L3</c> (deep technical).</summary>
    public string Tier { get; init; } = QueueTiers.Default;

    /// <summary>The queue an escalation moves its conversations to; null = none.</summary>
    public string? EscalatesTo { get; init; }
}
