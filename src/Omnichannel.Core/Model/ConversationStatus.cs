namespace Omnichannel.Core.Model;

/// <summary>Lifecycle of a conversation. Stored and sent as lowercase text.</summary>
public enum ConversationStatus
{
    Open,
    Pending,
    Snoozed,
    Resolved,
}
