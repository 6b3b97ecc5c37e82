using Mediator;

namespace Omnichannel.Core.Events;

/// <summary>
/// An agent's role, password, queues or sessions changed, or an API token was deleted. Published after the store has
/// the change; open hub connections of that principal are checked again at once, on every node.
/// </summary>
public sealed record AccessChanged(PrincipalKind Kind, string Id) : INotification;
