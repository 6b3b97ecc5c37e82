namespace Omnichannel.Core.Incidents;

/// <summary>An incident is open until a lead resolves it (with every linked conversation); it never reopens.</summary>
public enum IncidentStatus
{
    Open,
    Resolved,
}
