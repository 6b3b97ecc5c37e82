namespace Omnichannel.Core.Ports;

public enum IncidentLinkStatus
{
    Done,

    /// <summary>No such incident.</summary>
    NotFound,

    /// <summary>The incident is resolved: nothing more is linked to it.</summary>
    Resolved,

    /// <summary>Some conversations do not exist; nothing was linked.</summary>
    ConversationsMissing,
}
