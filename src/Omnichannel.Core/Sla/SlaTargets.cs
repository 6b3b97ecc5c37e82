namespace Omnichannel.Core.Sla;

/// <summary>The time allowed for each promise at one priority, in working time; null = no promise of that kind.</summary>
public sealed record SlaTargets(TimeSpan? FirstResponse, TimeSpan? NextResponse, TimeSpan? Resolution)
{
    public TimeSpan? For(SlaTargetKind kind) => kind switch
    {
        SlaTargetKind.FirstResponse => FirstResponse,
        SlaTargetKind.NextResponse => NextResponse,
        SlaTargetKind.Resolution => Resolution,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
