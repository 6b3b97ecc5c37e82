namespace Omnichannel.Core.Sla;

/// <summary>The three promises of a policy. Sent as <c>firstResponse</c>, <c>nextResponse</c>, <c>resolution</c>.</summary>
public enum SlaTargetKind
{
    /// <summary>The first agent reply after the conversation starts.</summary>
    FirstResponse,

    /// <summary>The next agent reply after a customer message that follows an agent reply.</summary>
    NextResponse,

    /// <summary>The conversation resolved.</summary>
    Resolution,
}
