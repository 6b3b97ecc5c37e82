namespace Omnichannel.Core.Model;

/// <summary>
/// One signed-in browser of an agent. The cookie carries only <see cref="Id"/>; the record in the store is what
/// makes the cookie valid, so deleting it ends the session on every node at once.
/// </summary>
public sealed record AgentSession(
    string Id, string AgentId, string Device, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt);
