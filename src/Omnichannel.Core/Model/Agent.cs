namespace Omnichannel.Core.Model;

public enum AgentRole
{
    Agent,
    Lead,
    Admin,
}

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

/// <summary>An integration credential. Only a hash of the secret is stored.</summary>
public sealed record ApiToken(
    string Id,
    string Name,
    IReadOnlyList<string> Scopes,
    string SecretHash,
    string CreatedBy,
    DateTimeOffset CreatedAt);

public static class ApiScopes
{
    /// <summary>Post customer messages through the API channel.</summary>
    public const string Inbound = "inbound";

    /// <summary>Read every conversation, message and contact.</summary>
    public const string ConversationsRead = "conversations:read";

    public static IReadOnlyList<string> All { get; } = [Inbound, ConversationsRead];
}
