namespace Omnichannel.Core.Sla;

public enum SlaAlertKind
{
    Warning,
    Breach,
}
