using Mediator;
using Microsoft.Extensions.Logging;
using MimeKit;
using Omnichannel.Channels.Email.Hosting;
using Omnichannel.Channels.Email.Inbound;
using Omnichannel.Channels.Email.Outbound;
using Omnichannel.Core.Features;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;

namespace Omnichannel.Channels.Email.Ingest;

/// <summary>
/// Stores one fetched mail: maps it, finds its thread (In-Reply-To / References against the Message-IDs we stored or
/// sent, the conversation token of our own Message-IDs, then sender + subject within a window), ingests it, and only then
/// records it and moves the mailbox cursor. Machine-written mail is stored without reopening or routing; a bounce marks
/// our reply failed. A mail that cannot be read, or that the inbox refuses, throws
/// (<see cref="InboundItemUnreadableException"/>, <see cref="RequestValidationException"/>) and the poller quarantines it;
/// store errors propagate too, so the cursor stays and the mail is tried again, a few times (<see cref="InboundQuarantine"/>).
/// </summary>
internal sealed partial class EmailMailIngestor(
    EmailMailboxOptions mailbox,
    ISender mediator,
    IMailboxStateStore state,
    IBlobStore blobs,
    ILogger logger)
{
    private readonly EmailMessageMapper _mapper = new(new EmailMappingOptions { MaxAttachmentBytes = mailbox.MaxAttachmentBytes });
    private readonly string _ownAddress = MailboxAddress.TryParse(mailbox.FromAddress, out var own) ? own.Address.ToLowerInvariant() : "";

    public async Task<MailOutcome> IngestAsync(MimeMessage message, uint uidValidity, uint uid, CancellationToken cancellationToken)
    {
        var sink = new BlobAttachmentSink(blobs, Math.Max(1, mailbox.MaxAttachmentBytes));
        EmailMappingResult mapping;
        try
        {
            mapping = await _mapper.MapAsync(message, mailbox.Name, mailbox.Queue, sink, cancellationToken);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
        {
            // Reading it again gives the same: the poller quarantines it at once.
            await sink.DeleteAllAsync();
            throw new InboundItemUnreadableException("Could not be read: " + ex.Message, ex);
        }
        catch
        {
            await sink.DeleteAllAsync();
            throw;
        }

        if (mapping is EmailRejectedMessage rejected)
        {
            LogRejected(mailbox.Name, uid, rejected.MessageId, rejected.Detail);
            await state.SkipAsync(mailbox.Name, uidValidity, uid, cancellationToken);
            return MailOutcome.Skipped;
        }

        var mapped = (EmailMappedMessage)mapping;
        var metadata = mapped.Metadata;
        if (OurMessageIds.TryParse(metadata.MessageId, out _, out _))
        {
            // Our own reply (a copy, a Bcc, a Sent folder): it is in the timeline already as the agent's message.
            await sink.DeleteAllAsync();
            await state.SkipAsync(mailbox.Name, uidValidity, uid, cancellationToken);
            return MailOutcome.Skipped;
        }

        var automated = metadata.IsAutomated || mapped.Message.Sender.Value == _ownAddress;
        var candidates = Candidates(metadata);
        // Our own Message-ID among them names a reply of ours and its conversation; the store believes it only when
        // that reply is an outbound message of that conversation.
        var answers = candidates
            .Select(id => OurMessageIds.TryParse(id, out var conversation, out var reply)
                ? new ConversationContinuation(conversation, reply)
                : null)
            .FirstOrDefault(c => c is not null);
        var subjectKey = automated ? null : EmailSubjectKey.For(mapped.Message.Sender.Value, mapped.Message.Subject);
        var found = await state.FindThreadAsync(mailbox.Name, candidates, answers, subjectKey, cancellationToken);
        var thread = found ?? mapped.Message.ExternalId;

        // A reply to a mail we sent for a conversation of another channel (a web chat reply mailed to a visitor who had
        // left) has no mail thread here: it continues that conversation.
        var continues = found is null ? answers : null;

        IngestResult result;
        try
        {
            result = await mediator.Send(new IngestMessage(mapped.Message with { ThreadKey = thread, Automated = automated, Continues = continues }), cancellationToken);
        }
        catch
        {
            // Refused (the poller quarantines it) or not stored (tried again): either way its files are not kept.
            await sink.DeleteAllAsync();
            throw;
        }

        if (result.Duplicate)
        {
            await sink.DeleteAllAsync();
        }

        await state.RecordIngestedAsync(
            mailbox.Name,
            new IngestedMail(uidValidity, uid, metadata.MessageId, thread, result.ConversationId, subjectKey, mailbox.ThreadBySubjectWindow),
            cancellationToken);

        foreach (var note in mapped.Notes)
        {
            LogNote(mailbox.Name, uid, note);
        }

        if (!result.Duplicate && metadata.Bounce is { IsFailure: true } bounce
            && OurMessageIds.TryParse(bounce.OriginalMessageId, out var bouncedConversation, out var bouncedMessage))
        {
            var reason = bounce.Diagnostic ?? (bounce.Status is null ? "The receiving server returned the message." : $"Bounced with status {bounce.Status}.");
            await mediator.Send(new RecordDelivery(bouncedConversation, bouncedMessage, DeliveryState.Failed, Truncate(reason, 2000)), cancellationToken);
        }

        return result.Duplicate ? MailOutcome.Duplicate : MailOutcome.Stored;
    }

    /// <summary>Message-IDs that may name the thread, most relevant first: the parent, then References newest first, then a bounce's original.</summary>
    private static List<string> Candidates(EmailMetadata metadata)
    {
        var ids = new List<string>();
        if (metadata.InReplyTo is { } parent)
        {
            ids.Add(parent);
        }

        ids.AddRange(metadata.References.Reverse());
        if (metadata.Bounce?.OriginalMessageId is { } original)
        {
            ids.Add(original);
        }

        return [.. ids.Distinct(StringComparer.Ordinal).Take(60)];
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox}: UID {Uid} (Message-ID {MessageId}) is not stored: {Reason}")]
    private partial void LogRejected(string mailbox, uint uid, string? messageId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox}: UID {Uid}: {Note}")]
    private partial void LogNote(string mailbox, uint uid, string note);
}
