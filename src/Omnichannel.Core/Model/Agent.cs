namespace Omnichannel.Core.Model;

/// <summary>A person who works the inbox. The password hash never leaves the store layer and the auth code.</summary>
public sealed record Agent(
    string Id,
    string Email,
    string Name,
    AgentRole Role,
    int Capacity,
    IReadOnlyList<string> Queues,
    string PasswordHash,
    string SecurityStamp,
    DateTimeOffset CreatedAt)
{
    public bool SeesEverything => Role is AgentRole.Lead or AgentRole.Admin;
}
