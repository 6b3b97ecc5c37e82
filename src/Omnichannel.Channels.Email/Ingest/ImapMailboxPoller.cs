using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Mediator;
using Microsoft.Extensions.Logging;
using Omnichannel.Channels.Email.Hosting;
using Omnichannel.Channels.Email.Inbound;
using Omnichannel.Core.Ports;

namespace Omnichannel.Channels.Email.Ingest;

/// <summary>
/// Keeps one IMAP connection to one mailbox folder and stores every new mail exactly once: catch up from the stored
/// cursor (UIDVALIDITY + last UID), then IDLE (re-issued every <see cref="EmailMailboxOptions.IdleRefresh"/>) or poll,
/// fetching after IDLE returns, never inside a folder event. Runs only while this node holds the mailbox's lease;
/// reconnects with exponential backoff and jitter.
/// </summary>
internal sealed partial class ImapMailboxPoller(
    EmailMailboxOptions mailbox,
    ISender mediator,
    IMailboxStateStore state,
    IBlobStore blobs,
    TimeProvider time,
    ILogger logger)
{
    private const int BatchSize = 50;
    private static readonly TimeSpan LeaseLifetime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LeaseRenewal = TimeSpan.FromSeconds(10);

    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly EmailMailIngestor _ingestor = new(mailbox, mediator, state, blobs, logger);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await state.HoldLeaseAsync(mailbox.Name, _holder, LeaseLifetime, stoppingToken))
                {
                    await Task.Delay(LeaseRenewal, time, stoppingToken);
                    continue;
                }

                using var session = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var renewal = RenewLeaseAsync(session);
                try
                {
                    await RunSessionAsync(() => failures = 0, session.Token);
                }
                finally
                {
                    await session.CancelAsync();
                    await renewal;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                var delay = Backoff(failures);
                switch (ex)
                {
                    case AuthenticationException:
                        LogAuthenticationFailed(mailbox.Name, mailbox.Username, mailbox.ImapHost, ex.Message, delay);
                        break;
                    case FolderNotFoundException:
                        LogFolderMissing(mailbox.Name, mailbox.Folder, delay);
                        break;
                    default:
                        LogConnectionFailed(ex, mailbox.Name, mailbox.ImapHost, mailbox.ImapPort, delay);
                        break;
                }

                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        await state.ReleaseLeaseAsync(mailbox.Name, _holder, CancellationToken.None);
    }

    /// <summary>First delay, doubled per failure up to the maximum, plus up to 20% jitter so many nodes do not retry in step.</summary>
    internal TimeSpan Backoff(int failures)
    {
        var ticks = mailbox.ReconnectDelay.Ticks * Math.Pow(2, Math.Min(failures - 1, 20));
        var capped = Math.Min(ticks, Math.Max(mailbox.MaxReconnectDelay.Ticks, mailbox.ReconnectDelay.Ticks));
        return TimeSpan.FromTicks((long)(capped * (1 + (Random.Shared.NextDouble() * 0.2))));
    }

    private async Task RenewLeaseAsync(CancellationTokenSource session)
    {
        try
        {
            while (!session.IsCancellationRequested)
            {
                await Task.Delay(LeaseRenewal, time, session.Token);
                if (!await state.HoldLeaseAsync(mailbox.Name, _holder, LeaseLifetime, session.Token))
                {
                    LogLeaseLost(mailbox.Name);
                    await session.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            // Without a renewed lease another node may take the mailbox: stop this session rather than risk two.
            LogConnectionFailed(ex, mailbox.Name, "store", 0, LeaseRenewal);
            await session.CancelAsync();
        }
    }

    private async Task RunSessionAsync(Action connected, CancellationToken cancellationToken)
    {
        using var client = new ImapClient();
        await client.ConnectAsync(mailbox.ImapHost, mailbox.ImapPort, Socket(mailbox.ImapSecurity), cancellationToken);
        await client.AuthenticateAsync(mailbox.Username, mailbox.Password, cancellationToken);

        var folder = string.Equals(mailbox.Folder, "INBOX", StringComparison.OrdinalIgnoreCase)
            ? client.Inbox
            : await client.GetFolderAsync(mailbox.Folder, cancellationToken);
        var writable = mailbox.MarkSeen || !string.IsNullOrEmpty(mailbox.ProcessedFolder);
        await folder.OpenAsync(writable ? FolderAccess.ReadWrite : FolderAccess.ReadOnly, cancellationToken);
        var processed = string.IsNullOrEmpty(mailbox.ProcessedFolder) ? null : await client.GetFolderAsync(mailbox.ProcessedFolder, cancellationToken);

        var changed = true;
        CancellationTokenSource? idle = null;
        void OnChanged(object? sender, EventArgs e)
        {
            // Record only: the folder is not re-entrant, the fetch happens after IDLE returns.
            changed = true;
            idle?.Cancel();
        }

        folder.CountChanged += OnChanged;
        try
        {
            var cursor = await StartCursorAsync(folder, cancellationToken);
            connected();
            LogConnected(mailbox.Name, mailbox.Folder, folder.UidValidity, cursor.LastUid, client.Capabilities.HasFlag(ImapCapabilities.Idle));
            while (!cancellationToken.IsCancellationRequested)
            {
                if (changed)
                {
                    changed = false;
                    cursor = await CatchUpAsync(folder, processed, cursor, cancellationToken);
                    continue;
                }

                if (client.Capabilities.HasFlag(ImapCapabilities.Idle))
                {
                    using (idle = new CancellationTokenSource(mailbox.IdleRefresh, time))
                    {
                        await client.IdleAsync(idle.Token, cancellationToken);
                    }

                    idle = null;
                }
                else
                {
                    await Task.Delay(mailbox.PollInterval, time, cancellationToken);
                    await client.NoOpAsync(cancellationToken);
                    changed = true;
                }
            }
        }
        finally
        {
            folder.CountChanged -= OnChanged;
            if (client.IsConnected)
            {
                try
                {
                    using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await client.DisconnectAsync(true, quit.Token);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // The session is over either way.
                }
            }
        }
    }

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
            var summaries = await folder.FetchAsync(batch, MessageSummaryItems.UniqueId | MessageSummaryItems.Envelope, cancellationToken);
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

        // Spooled to a temporary file and parsed in place: a 20 MB attachment costs no memory.
        var path = Path.Combine(Path.GetTempPath(), $"oc-mail-{Guid.NewGuid():N}.eml");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81_920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (var stream = await folder.GetStreamAsync(summary.UniqueId, cancellationToken))
        {
            await stream.CopyToAsync(file, cancellationToken);
        }

        file.Position = 0;
        MimeKit.MimeMessage message;
        try
        {
            message = await EmailMessageParser.ParseAsync(file, persistent: true, cancellationToken);
        }
        catch (FormatException ex)
        {
            LogUnparsable(mailbox.Name, uid, ex.Message);
            await state.SkipAsync(mailbox.Name, folder.UidValidity, uid, cancellationToken);
            return;
        }

        using (message)
        {
            await _ingestor.IngestAsync(message, folder.UidValidity, uid, cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox}: UID {Uid} is not mail and is passed over: {Reason}")]
    private partial void LogUnparsable(string mailbox, uint uid, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mailbox {Mailbox}: the IMAP server {Host} refused the login of {Username} ({Reason}); check Username and Password (an app password for Gmail / Microsoft 365). Trying again in {Delay}")]
    private partial void LogAuthenticationFailed(string mailbox, string username, string host, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mailbox {Mailbox}: folder \"{Folder}\" does not exist (check Folder and ProcessedFolder); trying again in {Delay}")]
    private partial void LogFolderMissing(string mailbox, string folder, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox}: connection to {Host}:{Port} failed; reconnecting in {Delay}")]
    private partial void LogConnectionFailed(Exception ex, string mailbox, string host, int port, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox}: another node took the mailbox's lease; this node stops reading it")]
    private partial void LogLeaseLost(string mailbox);
}
