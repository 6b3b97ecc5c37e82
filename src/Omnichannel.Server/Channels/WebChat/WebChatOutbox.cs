using Mediator;
using Microsoft.AspNetCore.SignalR;
using Omnichannel.Channels.Email.Outbound;
using Omnichannel.Core.Features;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Channels.WebChat;

/// <summary>
/// Delivers agents' replies in web chat conversations: claims them from <c>outbox:webchat</c>, pushes them to the
/// visitor's open widgets and marks them sent. A reply stored while the visitor is away is still in the conversation:
/// the widget reads it with <c>History</c> when it comes back.
/// </summary>
public sealed class WebChatOutbox(
    IOutboundQueue queue,
    IConversationStore store,
    IMediator mediator,
    IHubContext<VisitorHub, IVisitorClient> visitors,
    OutboundSignals signal,
    IVisitorPresenceStore presence,
    EmailContinuity continuity,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<WebChatOutbox> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await queue.RecoverInFlightAsync(ChannelNames.WebChat, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await queue.ClaimAsync(ChannelNames.WebChat, time.GetUtcNow(), stoppingToken) is { } claim)
                {
                    await DeliverAsync(claim.MessageId, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Delivering web chat replies failed; retrying");
            }

            await signal.WaitAsync(ChannelNames.WebChat, PollInterval, time, stoppingToken);
        }
    }

    private async Task DeliverAsync(string messageId, CancellationToken ct)
    {
        if (await store.GetMessageAsync(messageId, ct) is { } message)
        {
            await visitors.Clients.Group(VisitorHub.ConversationGroup(message.ConversationId)).Message(WebChatMessages.ToVisitor(message, null));
            await mediator.Send(new RecordDelivery(message.ConversationId, messageId, DeliveryState.Sent, null), ct);
            await MailIfVisitorLeftAsync(message, ct);
        }

        await queue.CompleteAsync(ChannelNames.WebChat, messageId, ct);
    }

    /// <summary>
    /// Continuity: when no widget of the visitor is open and they left an email, the reply also goes by email (from
    /// <c>Omnichannel:WebChat:ContinuityMailbox</c>, or the first mailbox); their emailed answer continues the chat.
    /// </summary>
    private async Task MailIfVisitorLeftAsync(Message message, CancellationToken ct)
    {
        var mailbox = continuity.MailboxName(configuration[ContinuityMailboxKey]);
        if (mailbox is null || await presence.IsOnlineAsync(message.ConversationId, time.GetUtcNow(), ct)
            || await store.GetConversationAsync(message.ConversationId, ct) is not { } conversation
            || await store.GetContactAsync(conversation.ContactId, ct) is not { Email: { Length: > 0 } email } contact)
        {
            return;
        }

        if (await continuity.SendAsync(mailbox, conversation, message, email, contact.Name, ct))
        {
            logger.LogInformation("Reply {MessageId} mailed to the web chat visitor of {ConversationId}, who had left", message.Id, conversation.Id);
        }
    }

    public const string ContinuityMailboxKey = "Omnichannel:WebChat:ContinuityMailbox";
}
