namespace Omnichannel.Core.Assignment;

/// <summary>What an agent has set for themselves. Only <see cref="Online"/> receives new conversations.</summary>
public enum Availability
{
    Online,
    Busy,
    Offline,
}
