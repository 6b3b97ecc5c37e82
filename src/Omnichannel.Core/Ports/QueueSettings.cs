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
    DateTimeOffset UpdatedAt);
