namespace Omnichannel.Core.Sla;

public static class SlaTargetKindText
{
    public static string ToText(this SlaTargetKind kind) => kind switch
    {
        SlaTargetKind.FirstResponse => "firstResponse",
        SlaTargetKind.NextResponse => "nextResponse",
        SlaTargetKind.Resolution => "resolution",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
