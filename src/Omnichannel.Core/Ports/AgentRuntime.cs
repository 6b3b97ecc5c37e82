using Omnichannel.Core.Assignment;

namespace Omnichannel.Core.Ports;

/// <summary>An agent as assignment sees them in one queue, with <see cref="State"/> for the Core rules.</summary>
public sealed record AgentRuntime(AgentState State, Ineligibility Ineligibility, DateTimeOffset? PresentUntil);
