using Omnichannel.Core.Assignment;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Agents;

/// <summary>An agent's state as assignment sees it, the answer of every presence route.</summary>
internal static class PresenceReader
{
    public static async Task<PresenceDto> ReadAsync(string agentId, IAssignmentStore assignments, TimeProvider time, CancellationToken ct)
    {
        // Queue-independent fields only, so any queue id reads them; membership is not reported here.
        var agent = (await assignments.ReadAgentsAsync("-", [agentId], time.GetUtcNow(), ct)).Agents[0];
        var s = agent.State;
        return new PresenceDto(agentId, AvailabilityText.ToText(s.Availability), s.IsPresent, agent.PresentUntil, s.IsPaused, s.Capacity, s.OpenCount);
    }
}
