using Mediator;

namespace Omnichannel.Core.Events;

/// <summary>
/// An agent merged contact <paramref name="FromId"/> into <paramref name="IntoId"/>; <paramref name="ConversationIds"/>
/// are the conversations that moved with it. Published after the store has the merge; agents who may see one of those
/// conversations (or every contact) hear of it, so an open contact panel shows the merged contact at once.
/// </summary>
public sealed record ContactsMerged(string IntoId, string FromId, IReadOnlyList<string> ConversationIds, string ActorId)
    : INotification;
