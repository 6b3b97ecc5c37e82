namespace Omnichannel.Core.Ports;

/// <summary>Support tiers a queue serves: L1 answers first, L2 and L3 take what is escalated to them.</summary>
public static class QueueTiers
{
    public const string Default = "L1";

    public static bool IsValid(string? tier) => tier is "L1" or "L2" or "L3";
}
