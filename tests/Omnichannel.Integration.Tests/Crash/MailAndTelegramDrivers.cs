using System.Globalization;
using MailKit;
using MailKit.Net.Imap;
using MimeKit;
using Omnichannel.Core.Model;
using Omnichannel.Integration.Tests.Email;
using Omnichannel.Integration.Tests.Telegram;

namespace Omnichannel.Integration.Tests.Crash;

/// <summary>
/// Customers mailing the support mailbox: each mail appended to the Dovecot folder is accepted (the MTA took it),
/// so each must end up stored once, however often the server died while importing. Own sender and subject per mail.
/// </summary>
internal sealed class EmailDriver(MailServers mail, string mailbox, CrashLedger ledger)
{
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(250);

    /// <summary>Where the customers' addresses end: every reply to one of them is mailed to this domain.</summary>
    public string CustomerDomain => "@" + ledger.Run + ".cust.example";

    public async Task RunAsync(CancellationToken stopTaking, CancellationToken abort)
    {
        using ImapClient imap = await mail.ConnectAsync(mailbox);
        for (var i = 0; !stopTaking.IsCancellationRequested; i++)
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"mail {ledger.Run} {i}");
            var message = new MimeMessage
            {
                From = { new MailboxAddress($"Customer {i}", $"c{i}{CustomerDomain}") },
                To = { MailboxAddress.Parse(mailbox) },
                Subject = text,
                MessageId = $"m{i}.{ledger.Run}@cust.example",
                Body = new TextPart("plain") { Text = text },
            };
            await imap.Inbox.AppendAsync(message, MessageFlags.None, abort);
            ledger.Accepted(ChannelNames.Email, text);
            await Task.Delay(Pace, abort);
        }

        await imap.DisconnectAsync(true, abort);
    }
}

/// <summary>
/// Telegram users writing to the bot through the emulator. An update counts as accepted once the bot confirmed it
/// (polled with an offset past it), which it may do only after the store acknowledged the message.
/// </summary>
internal sealed class TelegramDriver(BotApiEmulator api, CrashLedger ledger)
{
    private const int Users = 8;
    private const int MaxPending = 30;
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(100);

    private readonly List<string> _enqueued = [];

    /// <summary>Updates the bot has confirmed: how far Telegram ingest got.</summary>
    public int Confirmed
    {
        get
        {
            lock (_enqueued)
            {
                return _enqueued.Count - api.PendingCount;
            }
        }
    }

    public int Pending => api.PendingCount;

    public async Task RunAsync(CancellationToken stopTaking, CancellationToken abort)
    {
        for (var i = 0; !stopTaking.IsCancellationRequested; i++)
        {
            // No more than a bot would be sent while it is down: the backlog is drained after each restart.
            while (api.PendingCount >= MaxPending && !stopTaking.IsCancellationRequested)
            {
                await Task.Delay(Pace, abort);
            }

            var user = Updates.User(900_000 + (i % Users), "User" + (i % Users).ToString(CultureInfo.InvariantCulture));
            var text = string.Create(CultureInfo.InvariantCulture, $"tg {ledger.Run} {i}");
            lock (_enqueued)
            {
                api.Enqueue(Updates.Text(user, text));
                _enqueued.Add(text);
            }

            await Task.Delay(Pace, abort);
        }
    }

    /// <summary>Records every update the bot has confirmed as accepted; all of them once it has drained.</summary>
    public void Record()
    {
        lock (_enqueued)
        {
            foreach (var text in _enqueued.Take(Confirmed))
            {
                ledger.Accepted(ChannelNames.Telegram, text);
            }
        }
    }

    public IReadOnlyList<string> Enqueued()
    {
        lock (_enqueued)
        {
            return [.. _enqueued];
        }
    }

    /// <summary>How often the bot sent each text (sendMessage calls that succeeded).</summary>
    public List<CrashSends.Send> Sends() => [.. api.Sent.Where(s => s.Text is not null).Select(s => new CrashSends.Send(s.Text!, s.At))];
}
