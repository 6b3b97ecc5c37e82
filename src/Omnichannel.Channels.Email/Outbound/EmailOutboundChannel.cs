using Microsoft.Extensions.Options;
using MimeKit;
using Omnichannel.Channels.Email.Hosting;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Channels.Email.Outbound;

/// <summary>
/// Sends agents' replies in email conversations over SMTP, for the one outbox sender. A reply the SMTP server took
/// before a crash (the <c>sent</c> mark) is only recorded, not sent again. A 5xx answer is final; 4xx, a refused
/// login and an unreachable server are tried again (5 s doubling to 10 min, <c>MaxSendAttempts</c> times).
/// </summary>
internal sealed class EmailOutboundChannel(
    IConversationStore store,
    IMailboxStateStore state,
    IOptions<EmailChannelOptions> options,
    TimeProvider time) : IOutboundChannel
{
    public string Channel => ChannelNames.Email;

    public bool Enabled => options.Value.Mailboxes.Count > 0;

    public OutboundRetry Retry => new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10), options.Value.MaxSendAttempts);

    public async Task<DeliveryOutcome> SendAsync(OutboundReply reply, CancellationToken cancellationToken)
    {
        var (message, conversation) = (reply.Message, reply.Conversation);
        var mailbox = options.Value.Mailboxes.FirstOrDefault(m => m.Name == conversation.Account);
        if (mailbox is null)
        {
            return DeliveryOutcome.Failed($"The mailbox \"{conversation.Account}\" is not configured on this server.");
        }

        if (await state.WasSentAsync(mailbox.Name, message.Id, cancellationToken))
        {
            // The SMTP server took it before a crash; only the record was missing.
            return DeliveryOutcome.Sent;
        }

        var contact = await store.GetContactAsync(conversation.ContactId, cancellationToken);
        if (contact?.Email is not { Length: > 0 } to)
        {
            return DeliveryOutcome.Failed("The contact has no email address to reply to.");
        }

        var mime = await BuildAsync(mailbox, conversation, message, to, contact.Name, cancellationToken);
        var error = await SmtpDelivery.SendAsync(mailbox, mime, cancellationToken);
        if (error is null)
        {
            await state.MarkSentAsync(mailbox.Name, message.Id, cancellationToken);
            return DeliveryOutcome.Sent;
        }

        return error.Permanent ? DeliveryOutcome.Failed(error.Reason) : DeliveryOutcome.Transient(error.Reason);
    }

    private async Task<MimeMessage> BuildAsync(EmailMailboxOptions mailbox, Conversation conversation, Message message, string to, string? toName, CancellationToken cancellationToken)
    {
        var ourId = OurMessageIds.For(conversation.Id, message.Id, mailbox.FromAddress);
        var thread = await state.GetConversationThreadAsync(mailbox.Name, conversation.Id, cancellationToken);
        var references = new List<string>();
        if (thread is not null)
        {
            if (!thread.StartsWith(Inbound.EmailExternalId.HashPrefix, StringComparison.Ordinal))
            {
                references.Add(thread);
            }

            references.AddRange(await state.GetThreadMessageIdsAsync(mailbox.Name, thread, cancellationToken));
            references = [.. references.Where(id => id != ourId).Distinct(StringComparer.Ordinal)];
            // Recorded before sending: the customer's answer may arrive before we hear back from the SMTP server.
            await state.RecordOutgoingAsync(mailbox.Name, thread, ourId, cancellationToken);
        }

        var context = new EmailReplyContext(ourId, to, toName, message.AuthorName, conversation.Subject,
            await LatestCustomerMessageIdAsync(conversation.Id, cancellationToken) ?? references.LastOrDefault(), references, time.GetUtcNow());
        return EmailReplyBuilder.Build(mailbox, context, message.Text);
    }

    /// <summary>The Message-ID of the customer's latest mail: what their client expects a reply to answer.</summary>
    private async Task<string?> LatestCustomerMessageIdAsync(string conversationId, CancellationToken cancellationToken)
    {
        var page = await store.ListMessagesAsync(conversationId, null, 50, cancellationToken);
        return page.Items
            .Where(m => m.Direction == MessageDirection.In && m.ExternalId is { } id && !id.StartsWith(Inbound.EmailExternalId.HashPrefix, StringComparison.Ordinal))
            .Select(m => m.ExternalId)
            .FirstOrDefault();
    }
}
