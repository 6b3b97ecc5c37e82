using Microsoft.AspNetCore.SignalR;
using Omnichannel.Channels.Email.Outbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Channels.WebChat;

/// <summary>
/// Delivers agents' replies in web chat conversations, for the one outbox sender: pushes them to the visitor's open
/// widgets (sent once pushed). A reply stored while the visitor is away is still in the conversation: the widget
/// reads it with <c>History</c> when it comes back, and if the visitor left an email it is also mailed.
/// </summary>
public sealed partial class WebChatOutboundChannel(
    IConversationStore store,
    IHubContext<VisitorHub, IVisitorClient> visitors,
    IVisitorPresenceStore presence,
    EmailContinuity continuity,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<WebChatOutboundChannel> logger) : IOutboundChannel
{
    public string Channel => ChannelNames.WebChat;

    public bool Enabled => true;

    public OutboundRetry Retry { get; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), 8);

    public async Task<DeliveryOutcome> SendAsync(OutboundReply reply, CancellationToken cancellationToken)
    {
        await visitors.Clients.Group(VisitorHub.ConversationGroup(reply.Message.ConversationId)).Message(WebChatMessages.ToVisitor(reply.Message, null));
        await MailIfVisitorLeftAsync(reply.Message, reply.Conversation, cancellationToken);
        return DeliveryOutcome.Sent;
    }

    /// <summary>
    /// Continuity: when no widget of the visitor is open and they left an email, the reply also goes by email (from
    /// <c>Omnichannel:WebChat:ContinuityMailbox</c>, or the first mailbox); their emailed answer continues the chat.
    /// </summary>
    private async Task MailIfVisitorLeftAsync(Message message, Conversation conversation, CancellationToken ct)
    {
        var mailbox = continuity.MailboxName(configuration[ContinuityMailboxKey]);
        if (mailbox is null || await presence.IsOnlineAsync(message.ConversationId, time.GetUtcNow(), ct)
            || await store.GetContactAsync(conversation.ContactId, ct) is not { Email: { Length: > 0 } email } contact)
        {
            return;
        }

        if (await continuity.SendAsync(mailbox, conversation, message, email, contact.Name, ct))
        {
            LogMailed(message.Id, conversation.Id);
        }
    }

    public const string ContinuityMailboxKey = "Omnichannel:WebChat:ContinuityMailbox";

    [LoggerMessage(Level = LogLevel.Information, Message = "Reply {MessageId} mailed to the web chat visitor of {ConversationId}, who had left")]
    private partial void LogMailed(string messageId, string conversationId);
}
