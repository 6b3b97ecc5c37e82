namespace Omnichannel.Core.Assignment;

/// <summary>How a queue picks among its eligible agents.</summary>
public enum QueuePolicy
{
    /// <summary>The agent assigned longest ago (never first), then fewest open, then agent id.</summary>
    RoundRobin,

    /// <summary>Fewest open, then the agent assigned longest ago (never first), then agent id.</summary>
    Balanced,
}
