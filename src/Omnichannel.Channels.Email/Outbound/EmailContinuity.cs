using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Channels.Email.Hosting;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Channels.Email.Outbound;

/// <summary>
/// Mails an agent's reply from a conversation of another channel (web chat) to a customer who has left, from one of the
/// configured mailboxes. Its Message-ID carries the conversation, so the customer's emailed answer continues that same
/// conversation. A reply is mailed once, even when asked again after a crash.
/// </summary>
public sealed partial class EmailContinuity(IOptions<EmailChannelOptions> options, IMailboxStateStore state, TimeProvider time, ILogger<EmailContinuity> logger)
{
    /// <summary>The mailbox of that name, or the first configured one when no name is given; null when there is none.</summary>
    public string? MailboxName(string? preferred) => Mailbox(preferred)?.Name;

    /// <summary>True when the mail went out (now or before).</summary>
    public async Task<bool> SendAsync(string? mailboxName, Conversation conversation, Message reply, string toAddress, string? toName, CancellationToken cancellationToken)
    {
        if (Mailbox(mailboxName) is not { } mailbox)
        {
            return false;
        }

        if (await state.WasSentAsync(mailbox.Name, reply.Id, cancellationToken))
        {
            return true;
        }

        var ourId = OurMessageIds.For(conversation.Id, reply.Id, mailbox.FromAddress);
        var context = new EmailReplyContext(ourId, toAddress, toName, reply.AuthorName, conversation.Subject ?? "Your chat with us", null, [], time.GetUtcNow());
        var error = await SmtpDelivery.SendAsync(mailbox, EmailReplyBuilder.Build(mailbox, context, reply.Text), cancellationToken);
        if (error is not null)
        {
            LogNotMailed(reply.Id, conversation.Id, error.Reason);
            return false;
        }

        await state.MarkSentAsync(mailbox.Name, reply.Id, cancellationToken);
        return true;
    }

    private EmailMailboxOptions? Mailbox(string? name) => string.IsNullOrEmpty(name)
        ? options.Value.Mailboxes.FirstOrDefault()
        : options.Value.Mailboxes.FirstOrDefault(m => m.Name == name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply {MessageId} of conversation {ConversationId} was not mailed to the customer who left: {Reason}")]
    private partial void LogNotMailed(string messageId, string conversationId, string reason);
}
