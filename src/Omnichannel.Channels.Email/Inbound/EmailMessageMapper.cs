using System.Globalization;
using MimeKit;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Validation;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>
/// Turns one parsed mail into a customer message. No I/O of its own: the IMAP ingest parses (see
/// <see cref="EmailMessageParser"/>), calls this, and stores the result; files go to the <see cref="IAttachmentSink"/> it passes.
/// <list type="bullet">
/// <item>External id: the Message-ID, or a hash when there is none (<see cref="EmailExternalId"/>).</item>
/// <item>Sender: the first From mailbox, address lower-cased, RFC 2047 name decoded; Reply-To goes to the metadata
/// (see <see cref="EmailSender"/> for why). No usable address anywhere: <see cref="EmailRejectedMessage"/>.</item>
/// <item>Text: text/plain, or derived from the HTML; the quoted trail moves to <see cref="EmailMetadata.QuotedText"/>.
/// Control characters are removed and the text is cut at <see cref="TextRules.MaxMessageLength"/> with a visible
/// "[truncated]". Attachments left out for size are named at its end. A mail with neither text nor files reads "(no text)".</item>
/// <item>HTML: sanitized (<see cref="EmailHtmlSanitizer"/>), trail cut; inline images stay <c>cid:</c> references, resolved
/// through <see cref="EmailMetadata.InlineAttachments"/>.</item>
/// <item>Thread key: left null; the ingest threads on <see cref="EmailMetadata.References"/> and
/// <see cref="EmailMetadata.InReplyTo"/> against the Message-IDs it stored.</item>
/// <item>Auto-replies and bounces are mapped like any mail and flagged in the metadata; deciding not to answer or assign
/// them is the ingest's job.</item>
/// </list>
/// </summary>
public sealed class EmailMessageMapper
{
    public const string EmptyText = "(no text)";

    /// <summary>Threads can carry hundreds of References; the root and the latest ones are what threading needs.</summary>
    private const int MaxReferences = 100;

    private readonly EmailMappingOptions _options;

    public EmailMessageMapper(EmailMappingOptions? options = null)
    {
        EmailCodePages.EnsureRegistered();
        _options = options ?? new EmailMappingOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MaxAttachmentBytes, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxBodyBytes, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxHtmlLength, nameof(options));
    }

    public async Task<EmailMappingResult> MapAsync(
        MimeMessage message,
        string account,
        string queue,
        IAttachmentSink attachments,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        ArgumentNullException.ThrowIfNull(attachments);

        var messageId = EmailExternalId.CleanMessageId(message.MessageId);
        if (EmailSender.Of(message) is not { } sender)
        {
            return new EmailRejectedMessage(EmailRejectReason.NoSender, "no usable address in From, Sender or Reply-To", messageId);
        }

        var notes = new List<string>();
        var subject = InboundText.CleanSingleLine(message.Subject, 998);
        var parts = MimeBodyCollector.Collect(message);
        var body = EmailBodyReader.Read(parts, _options, QuotedTrailSplitter.IsForwardSubject(subject), notes);

        var writer = new AttachmentWriter(attachments, _options.MaxAttachmentBytes);
        foreach (var entity in parts.Attachments)
        {
            await writer.WriteAsync(entity, cancellationToken);
        }

        var text = Text(body.Text, writer, notes);
        var quoted = body.QuotedText is null ? null : InboundText.Truncate(InboundText.CleanMultiline(body.QuotedText).Trim(), TextRules.MaxMessageLength, out _);
        var autoReply = AutoReplyDetector.Reason(message, parts.Report);

        var inbound = new InboundMessage
        {
            Channel = ChannelNames.Email,
            Account = account,
            ExternalId = EmailExternalId.For(message, body.HashSource),
            Sender = new ContactIdentity(IdentityKinds.Email, sender.Address),
            SenderName = sender.Name,
            Subject = subject,
            Text = text,
            Html = body.Html,
            Attachments = writer.Saved,
            Queue = queue,
        };

        var metadata = new EmailMetadata
        {
            MessageId = messageId,
            InReplyTo = EmailExternalId.CleanMessageId(message.InReplyTo),
            References = References(message),
            ReplyTo = message.ReplyTo.Mailboxes.Select(EmailSender.NormalizeAddress).OfType<string>().Distinct().ToList(),
            Date = message.Headers.Contains(HeaderId.Date) && message.Date != DateTimeOffset.MinValue ? message.Date : null,
            IsAutoReply = autoReply is not null,
            AutoReplyReason = autoReply,
            Bounce = DeliveryReportReader.Read(parts.Report, _options.MaxBodyBytes),
            QuotedText = string.IsNullOrWhiteSpace(quoted) ? null : quoted,
            InlineAttachments = writer.Inline,
            SkippedAttachments = writer.Skipped,
        };

        return new EmailMappedMessage(inbound, metadata, notes);
    }

    private string Text(string bodyText, AttachmentWriter writer, List<string> notes)
    {
        var skipped = string.Join('\n', writer.Skipped.Select(s => string.Create(
            CultureInfo.InvariantCulture,
            $"[Attachment not stored: \"{s.FileName}\" ({Size(s.Size)}) is larger than the {Size(_options.MaxAttachmentBytes)} limit.]")));
        notes.AddRange(writer.Skipped.Select(s => $"Attachment \"{s.FileName}\" ({s.Size} bytes) skipped: over the size limit."));

        var room = TextRules.MaxMessageLength - (skipped.Length == 0 ? 0 : skipped.Length + 2);
        var text = InboundText.CleanMultiline(bodyText).Trim();
        text = InboundText.Truncate(text, Math.Max(room, 0), out var truncated);
        if (truncated)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Text cut at {TextRules.MaxMessageLength} characters."));
        }

        if (skipped.Length > 0)
        {
            text = text.Length == 0 ? skipped : text + "\n\n" + skipped;
            text = InboundText.Truncate(text, TextRules.MaxMessageLength, out _);
        }

        return text.Length == 0 && writer.Saved.Count == 0 ? EmptyText : text;
    }

    private static List<string> References(MimeMessage message)
    {
        var ids = message.References.Select(EmailExternalId.CleanMessageId).OfType<string>().Distinct().ToList();
        return ids.Count <= MaxReferences ? ids : [ids[0], .. ids[^(MaxReferences - 1)..]];
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024d * 1024):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB");
}
