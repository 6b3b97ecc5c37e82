namespace Omnichannel.Core.Sla;

/// <summary>The names of promises and alerts as the API, the event log and the audit log spell them.</summary>
public static class SlaText
{
    public static string Kind(SlaTargetKind kind) => kind switch
    {
        SlaTargetKind.FirstResponse => "firstResponse",
        SlaTargetKind.NextResponse => "nextResponse",
        SlaTargetKind.Resolution => "resolution",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The promise in words, for notes people read ("first response").</summary>
    public static string Describe(SlaTargetKind kind) => kind switch
    {
        SlaTargetKind.FirstResponse => "first response",
        SlaTargetKind.NextResponse => "next response",
        SlaTargetKind.Resolution => "resolution",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Alert(SlaAlertKind alert) => alert switch
    {
        SlaAlertKind.Warning => "warning",
        SlaAlertKind.Breach => "breach",
        _ => throw new ArgumentOutOfRangeException(nameof(alert), alert, null),
    };

    public static SlaTargetKind ParseKind(string text) => text switch
    {
        "firstResponse" => SlaTargetKind.FirstResponse,
        "nextResponse" => SlaTargetKind.NextResponse,
        "resolution" => SlaTargetKind.Resolution,
        _ => throw new FormatException($"Unknown SLA target '{text}'."),
    };

    public static SlaAlertKind ParseAlert(string text) => text switch
    {
        "warning" => SlaAlertKind.Warning,
        "breach" => SlaAlertKind.Breach,
        _ => throw new FormatException($"Unknown SLA alert '{text}'."),
    };
}
