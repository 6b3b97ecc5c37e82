using System.Globalization;
using MailKit;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Omnichannel.Channels.Email.Hosting;
using Omnichannel.Channels.Email.Inbound;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Channels.Email.Ingest;

/// <summary>The fetching half of the poller: where to start, catching up, storing one mail, marking it processed; and its log lines.</summary>
internal sealed partial class ImapMailboxPoller
{
    /// <summary>The stored cursor; a new one on first start (per ImportExisting) or when the folder's UIDVALIDITY changed.</summary>
    private async Task<MailboxCursor> StartCursorAsync(IMailFolder folder, CancellationToken cancellationToken)
    {
        var stored = await state.GetCursorAsync(mailbox.Name, cancellationToken);
        if (stored is not null && stored.UidValidity == folder.UidValidity)
        {
            return stored;
        }

        MailboxCursor cursor;
        if (stored is not null)
        {
            // Every UID is new: read the folder again; Message-ID dedup keeps what was stored from being stored twice.
            LogUidValidityChanged(mailbox.Name, stored.UidValidity, folder.UidValidity);
            cursor = new MailboxCursor(folder.UidValidity, 0);
        }
        else if (mailbox.ImportWindow is not { } window)
        {
            var last = folder.UidNext is { } next && next.Id > 0 ? next.Id - 1 : (await folder.SearchAsync(SearchQuery.All, cancellationToken)).Select(u => u.Id).DefaultIfEmpty(0u).Max();
            cursor = new MailboxCursor(folder.UidValidity, last);
            LogFirstStart(mailbox.Name, "none of the mail already there", last);
        }
        else if (window == TimeSpan.MaxValue)
        {
            cursor = new MailboxCursor(folder.UidValidity, 0);
            LogFirstStart(mailbox.Name, "all mail already there", 0);
        }
        else
        {
            var since = time.GetUtcNow() - window;
            var recent = await folder.SearchAsync(SearchQuery.DeliveredAfter(since.UtcDateTime.Date), cancellationToken);
            var first = recent.Count == 0 ? (folder.UidNext?.Id ?? 1) : recent.Min(u => u.Id);
            cursor = new MailboxCursor(folder.UidValidity, first - 1);
            LogFirstStart(mailbox.Name, $"mail since {since:yyyy-MM-dd}", first - 1);
        }

        await state.SetCursorAsync(mailbox.Name, cursor, cancellationToken);
        return cursor;
    }

    private async Task<MailboxCursor> CatchUpAsync(IMailFolder folder, IMailFolder? processed, MailboxCursor cursor, CancellationToken cancellationToken)
    {
        var range = new UniqueIdRange(new UniqueId(cursor.LastUid + 1), UniqueId.MaxValue);
        // "N:*" always matches the last message, even below N: keep only what is really new.
        var uids = (await folder.SearchAsync(SearchQuery.Uids(range), cancellationToken)).Where(u => u.Id > cursor.LastUid).OrderBy(u => u.Id).ToList();
        if (uids.Count == 0)
        {
            return cursor;
        }

        if (uids.Count > BatchSize)
        {
            LogCatchingUp(mailbox.Name, uids.Count);
        }

        var done = 0;
        foreach (var batch in uids.Chunk(BatchSize))
        {
            var items = MessageSummaryItems.UniqueId | MessageSummaryItems.Envelope | MessageSummaryItems.Size;
            var summaries = await folder.FetchAsync(batch, items, cancellationToken);
            var handled = new List<UniqueId>();
            foreach (var summary in summaries.OrderBy(s => s.UniqueId.Id))
            {
                await IngestOneAsync(folder, summary, cancellationToken);
                handled.Add(summary.UniqueId);
                cursor = cursor with { LastUid = summary.UniqueId.Id };
            }

            // Mail expunged between SEARCH and FETCH has no summary: pass its UIDs too.
            cursor = cursor with { LastUid = Math.Max(cursor.LastUid, batch[^1].Id) };
            await state.SkipAsync(mailbox.Name, cursor.UidValidity, cursor.LastUid, cancellationToken);
            await MarkProcessedAsync(folder, processed, handled, cancellationToken);
            done += batch.Length;
            if (uids.Count > BatchSize)
            {
                LogProgress(mailbox.Name, done, uids.Count);
            }
        }

        return cursor;
    }

    private async Task IngestOneAsync(IMailFolder folder, IMessageSummary summary, CancellationToken cancellationToken)
    {
        var uid = summary.UniqueId.Id;
        // After a crash or a UIDVALIDITY change most mail is known: skip it without downloading.
        if (EmailExternalId.CleanMessageId(summary.Envelope?.MessageId) is { } messageId
            && await state.IsIngestedAsync(mailbox.Name, messageId, cancellationToken)
            && await state.FindThreadAsync(mailbox.Name, [messageId], null, null, cancellationToken) is not null)
        {
            await state.SkipAsync(mailbox.Name, folder.UidValidity, uid, cancellationToken);
            return;
        }

        var item = new InboundItemRef(ChannelNames.Email, mailbox.Name, ItemId(folder.UidValidity, uid));
        if (summary.Size is { } size && size > mailbox.MaxMessageBytes)
        {
            // Checked before a byte of the body is read: memory and disk stay bounded whatever arrives.
            var reason = $"too large: {size} bytes, over the mailbox's MaxMessageBytes of {mailbox.MaxMessageBytes}";
            await quarantine.QuarantineAsync(item, reason, 0, null, cancellationToken);
            LogQuarantined(mailbox.Name, uid, reason);
            await state.SkipAsync(mailbox.Name, folder.UidValidity, uid, cancellationToken);
            return;
        }

        // Spooled to a temporary file as it comes off the connection (SpoolingImapFolder) and parsed in place: a 20 MB
        // attachment costs no memory, and goes from that file to the blob store stream to stream.
        await using var file = await folder.GetStreamAsync(summary.UniqueId, cancellationToken);
        if (file.Length > mailbox.MaxMessageBytes)
        {
            // The server announced less than it sent: not believed either.
            var reason = $"too large: {file.Length} bytes, more than the mailbox's MaxMessageBytes of {mailbox.MaxMessageBytes}";
            await quarantine.QuarantineAsync(item, reason, 0, null, cancellationToken);
            LogQuarantined(mailbox.Name, uid, reason);
            await state.SkipAsync(mailbox.Name, folder.UidValidity, uid, cancellationToken);
            return;
        }

        var uidValidity = folder.UidValidity;
        var stored = await quarantine.RunAsync(
            item,
            ct => ParseAndIngestAsync(file, uidValidity, uid, ct),
            () =>
            {
                file.Position = 0;
                return new RawInboundItem(file, file.Length);
            },
            cancellationToken);
        if (!stored)
        {
            LogQuarantined(mailbox.Name, uid, "see GET /api/quarantine");
            await state.SkipAsync(mailbox.Name, uidValidity, uid, cancellationToken);
        }
    }

    /// <summary>The quarantine's name for a mail of this mailbox: it is the same mail only within one UIDVALIDITY.</summary>
    internal static string ItemId(uint uidValidity, uint uid) =>
        string.Create(CultureInfo.InvariantCulture, $"{uidValidity}:{uid}");

    private async Task ParseAndIngestAsync(Stream file, uint uidValidity, uint uid, CancellationToken cancellationToken)
    {
        file.Position = 0;
        MimeKit.MimeMessage message;
        try
        {
            message = await EmailMessageParser.ParseAsync(file, persistent: true, cancellationToken);
        }
        catch (FormatException ex)
        {
            throw new InboundItemUnreadableException("Not a mail: " + ex.Message, ex);
        }

        using (message)
        {
            await _ingestor.IngestAsync(message, uidValidity, uid, cancellationToken);
        }
    }

    private async Task MarkProcessedAsync(IMailFolder folder, IMailFolder? processed, List<UniqueId> uids, CancellationToken cancellationToken)
    {
        if (uids.Count == 0)
        {
            return;
        }

        if (processed is not null)
        {
            await folder.MoveToAsync(uids, processed, cancellationToken);
        }
        else if (mailbox.MarkSeen)
        {
            await folder.StoreAsync(uids, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen) { Silent = true }, cancellationToken);
        }
    }

    internal static SecureSocketOptions Socket(MailSecurity security) => security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox}: connected to {Folder} (UIDVALIDITY {UidValidity}, last UID {LastUid}, IDLE {Idle})")]
    private partial void LogConnected(string mailbox, string folder, uint uidValidity, uint lastUid, bool idle);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox}: first start, importing {What} (cursor at UID {Uid})")]
    private partial void LogFirstStart(string mailbox, string what, uint uid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox}: UIDVALIDITY changed from {Old} to {New}; reading the folder again (known mail is not stored twice)")]
    private partial void LogUidValidityChanged(string mailbox, uint old, uint @new);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox}: {Count} new messages to read")]
    private partial void LogCatchingUp(string mailbox, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox}: {Done}/{Total} read")]
    private partial void LogProgress(string mailbox, int done, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox}: UID {Uid} is quarantined and passed over: {Reason}")]
    private partial void LogQuarantined(string mailbox, uint uid, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mailbox {Mailbox}: the IMAP server {Host} refused the login of {Username} ({Reason}); check Username and Password (an app password for Gmail / Microsoft 365). Trying again in {Delay}")]
    private partial void LogAuthenticationFailed(string mailbox, string username, string host, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mailbox {Mailbox}: folder \"{Folder}\" does not exist (check Folder and ProcessedFolder); trying again in {Delay}")]
    private partial void LogFolderMissing(string mailbox, string folder, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox}: connection to {Host}:{Port} failed; reconnecting in {Delay}")]
    private partial void LogConnectionFailed(Exception ex, string mailbox, string host, int port, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox}: another node took the mailbox's lease; this node stops reading it")]
    private partial void LogLeaseLost(string mailbox);
}
