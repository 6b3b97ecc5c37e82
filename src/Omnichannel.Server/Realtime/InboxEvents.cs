using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Server.Features.Conversations;

namespace Omnichannel.Server.Realtime;

/// <summary>Builds hub events from the store's current state.</summary>
public sealed class InboxEvents(IConversationStore store)
{
    /// <summary>The event with the conversation (and message) as they are now; null when the conversation is gone.</summary>
    public async Task<(InboxEvent Event, Conversation Conversation, Message? Message)?> BuildAsync(
        long seq, string type, string conversationId, string? messageId, DateTimeOffset at, string? actorId,
        string? previousAssignee, string? reason, CancellationToken cancellationToken)
    {
        if (await store.GetConversationAsync(conversationId, cancellationToken) is not { } conversation)
        {
            return null;
        }

        var message = messageId is null ? null : await store.GetMessageAsync(messageId, cancellationToken);
        var inboxEvent = new InboxEvent(seq, type, conversationId, at, actorId, ConversationDto.From(conversation),
            message is null ? null : MessageDto.From(message), previousAssignee, reason);
        return (inboxEvent, conversation, message);
    }
}
