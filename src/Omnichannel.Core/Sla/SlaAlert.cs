namespace Omnichannel.Core.Sla;

/// <summary>A warning or a breach, fired once per clock at the instant it happened.</summary>
public sealed record SlaAlert(SlaTargetKind Kind, SlaAlertKind Alert, DateTimeOffset At);
