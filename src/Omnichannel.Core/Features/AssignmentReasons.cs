namespace Omnichannel.Core.Features;

/// <summary>The reasons an <see cref="AssignConversation"/> request gives for a hand-over it did not choose by rule.</summary>
public static class AssignmentReasons
{
    public const string Manual = "manual";
    public const string SelfAssigned = "self";
}
