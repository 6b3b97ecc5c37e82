namespace Omnichannel.Core.Ports;

/// <summary>An agent with a conversation open on one connection, and whether they are writing a reply in it.</summary>
public sealed record ViewerEntry(string ConnectionId, string AgentId, string Name, bool Replying);
