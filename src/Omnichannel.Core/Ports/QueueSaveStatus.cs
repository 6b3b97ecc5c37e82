namespace Omnichannel.Core.Ports;

public enum QueueSaveStatus
{
    Created,
    Updated,

    /// <summary>Create-only and the queue exists: nothing changed.</summary>
    Exists,

    /// <summary>A member is not an agent: nothing changed.</summary>
    UnknownMember,
}
