namespace Omnichannel.Core.Sla;

/// <summary>How urgent a conversation is; an SLA policy has targets per priority. Stored and sent as lowercase text.</summary>
public enum Priority
{
    Low,
    Normal,
    High,
    Urgent,
}
