using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Mediator;
using Microsoft.Extensions.Logging;
using Omnichannel.Channels.Email.Hosting;
using Omnichannel.Core.Inbound;
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
    InboundQuarantine quarantine,
    TimeProvider time,
    ILogger logger)
{
    private const int BatchSize = 50;

    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private TimeSpan LeaseLifetime => mailbox.LeaseLifetime;

    private TimeSpan LeaseRenewal => mailbox.LeaseLifetime / 3;

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
        using var client = new SpoolingImapClient(mailbox.MaxMessageBytes);
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
}
