using Mediator;

namespace Omnichannel.Core.Events;

/// <summary>What a principal may do changed (or it is gone).</summary>
public enum PrincipalKind
{
    Agent,
    Integration,
}

/// <summary>
/// An agent's role, password, queues or sessions changed, or an API token was deleted. Published after the store has
/// the change; open hub connections of that principal are checked again at once, on every node.
/// </summary>
public sealed record AccessChanged(PrincipalKind Kind, string Id) : INotification;
