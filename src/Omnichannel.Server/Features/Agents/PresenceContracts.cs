namespace Omnichannel.Server.Features.Agents;

public sealed record AvailabilityRequest(string? Status);

public sealed record CapacityRequest(int? Capacity);

/// <summary>What an agent's own state looks like to assignment, as returned by the presence endpoints.</summary>
public sealed record PresenceDto(string AgentId, string Availability, bool Present, DateTimeOffset? PresentUntil, bool Paused, int Capacity, int Open);
