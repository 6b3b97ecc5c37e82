namespace Omnichannel.Core.Assignment;

/// <summary>
/// Why an agent cannot take a new conversation now, for the lead's board. When several apply, the first in declaration
/// order is reported; <see cref="AtCapacity"/> is last so that it means "would be eligible but for capacity".
/// </summary>
public enum Ineligibility
{
    /// <summary>Eligible.</summary>
    None,
    NotQueueMember,
    OffShift,
    Busy,
    Offline,
    NotPresent,
    Paused,
    AtCapacity,
}
