using System.Globalization;
using MailKit;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Channels.Email.Hosting;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Channels.Email.Ingest;

/// <summary>
/// Retries a quarantined mail: from its kept raw bytes, or, for one that was never fetched (too large), from the
/// mailbox itself by UID, once it fits the mailbox's <see cref="EmailMailboxOptions.MaxMessageBytes"/> (an admin raised
/// it). The mailbox cursor is not moved back: the mail is stored as it would have been in its turn.
/// </summary>
internal sealed class EmailQuarantineReplayer(
    IOptions<EmailChannelOptions> options,
    ISender mediator,
    IMailboxStateStore state,
    IBlobStore blobs,
    ILogger<EmailQuarantineReplayer> logger) : IQuarantineReplayer
{
    public string Channel => ChannelNames.Email;

    public async Task ReplayAsync(QuarantineEntry entry, Stream? raw, CancellationToken cancellationToken)
    {
        var mailbox = options.Value.Mailboxes.FirstOrDefault(m => m.Name == entry.Item.Account)
            ?? throw new InvalidOperationException($"Mailbox \"{entry.Item.Account}\" is not configured any more.");
        var parts = entry.Item.ItemId.Split(':');
        if (parts.Length != 2
            || !uint.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var uidValidity)
            || !uint.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
        {
            throw new InvalidOperationException($"\"{entry.Item.ItemId}\" does not name a mail (UIDVALIDITY:UID).");
        }

        var path = Path.Combine(Path.GetTempPath(), $"oc-mail-{Guid.NewGuid():N}.eml");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81_920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        if (raw is not null)
        {
            await raw.CopyToAsync(file, cancellationToken);
        }
        else
        {
            await FetchAsync(mailbox, uidValidity, uid, file, cancellationToken);
        }

        file.Position = 0;
        MimeKit.MimeMessage message;
        try
        {
            message = await Inbound.EmailMessageParser.ParseAsync(file, persistent: true, cancellationToken);
        }
        catch (FormatException ex)
        {
            throw new InboundItemUnreadableException("Not a mail: " + ex.Message, ex);
        }

        // Recorded against the cursor as it stands, so the record never moves it (nor resets it after a UIDVALIDITY change).
        var cursor = await state.GetCursorAsync(mailbox.Name, cancellationToken) ?? new MailboxCursor(uidValidity, uid);
        var ingestor = new EmailMailIngestor(mailbox, mediator, state, blobs, logger);
        using (message)
        {
            await ingestor.IngestAsync(message, cursor.UidValidity, cursor.LastUid, cancellationToken);
        }
    }

    private static async Task FetchAsync(EmailMailboxOptions mailbox, uint uidValidity, uint uid, Stream target,
        CancellationToken cancellationToken)
    {
        using var client = new SpoolingImapClient(mailbox.MaxMessageBytes);
        await client.ConnectAsync(mailbox.ImapHost, mailbox.ImapPort, ImapMailboxPoller.Socket(mailbox.ImapSecurity),
            cancellationToken);
        await client.AuthenticateAsync(mailbox.Username, mailbox.Password, cancellationToken);
        var folder = string.Equals(mailbox.Folder, "INBOX", StringComparison.OrdinalIgnoreCase)
            ? client.Inbox
            : await client.GetFolderAsync(mailbox.Folder, cancellationToken);
        await folder.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
        if (folder.UidValidity != uidValidity)
        {
            throw new InvalidOperationException("The mailbox folder was renumbered (UIDVALIDITY changed); the mail is gone.");
        }

        var summary = (await folder.FetchAsync([new UniqueId(uid)], MessageSummaryItems.Size, cancellationToken))
            .FirstOrDefault() ?? throw new InvalidOperationException("The mail is no longer in the mailbox.");
        if (summary.Size > mailbox.MaxMessageBytes)
        {
            throw new InvalidOperationException(
                $"Still too large: {summary.Size} bytes, over the mailbox's MaxMessageBytes of {mailbox.MaxMessageBytes}; raise it to retry.");
        }

        await using (var stream = await folder.GetStreamAsync(new UniqueId(uid), cancellationToken))
        {
            if (stream.Length > mailbox.MaxMessageBytes)
            {
                throw new InvalidOperationException(
                    $"Still too large: the server sent {stream.Length} bytes, over the mailbox's MaxMessageBytes of {mailbox.MaxMessageBytes}.");
            }

            await stream.CopyToAsync(target, cancellationToken);
        }

        await client.DisconnectAsync(true, cancellationToken);
    }
}
