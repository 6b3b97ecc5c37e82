namespace Omnichannel.Redis.Checking;

/// <summary>What a check found, and how much it looked at.</summary>
public sealed record StoreCheckReport(IReadOnlyList<StoreFinding> Findings, int Conversations, int Messages)
{
    public bool Consistent => Findings.Count == 0;
}
