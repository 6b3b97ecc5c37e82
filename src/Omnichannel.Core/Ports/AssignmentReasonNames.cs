namespace Omnichannel.Core.Ports;

/// <summary>Reasons recorded with every assignment.</summary>
public static class AssignmentReasonNames
{
    public const string RoundRobin = "round-robin";
    public const string Balanced = "balanced";
    public const string Reopened = "reopened";
    public const string Handover = "handover";
    public const string Timeout = "timeout";
    public const string Rebalance = "rebalance";
    public const string Manual = "manual";
}
