using System.Diagnostics;
using System.Globalization;
using MailKit;
using MimeKit;
using Omnichannel.Integration.Tests.Crash;
using Omnichannel.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Omnichannel.Integration.Tests.Email;

/// <summary>
/// Exactly once across a real crash: the server runs as its own process on the embedded store (Garnet with its
/// append-only file) and is killed with SIGKILL while it imports, so nothing it had in flight is flushed or finished.
/// </summary>
[Collection(EmailCollection.Name)]
public sealed class EmailCrashTests(MailServers mail, ITestOutputHelper output)
{
    private const int Total = 500;

    [Fact]
    public async Task A_server_killed_while_500_mails_arrive_stores_each_exactly_once_after_restart()
    {
        var user = MailServers.NewUser();
        var data = TempDirectories.Create("oc-crash-");
        var settings = Settings(user, data);
        ServerProcess? server = null;
        var clock = Stopwatch.StartNew();
        try
        {
            server = await ServerProcess.StartAsync(settings);
            var admin = await server.SignInAsAdminAsync();
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: first server ready");

            using var imap = await mail.ConnectAsync(user);
            var appended = 0;
            var appending = Task.Run(async () =>
            {
                for (var i = 0; i < Total; i++)
                {
                    await imap.Inbox.AppendAsync(Numbered(user, i));
                    Interlocked.Increment(ref appended);
                }
            });

            // Kill it in the middle of the import, while it is storing.
            var stored = 0;
            var deadline = DateTime.UtcNow.AddSeconds(40);
            while (stored < 100)
            {
                Assert.True(DateTime.UtcNow < deadline, $"only {stored} stored after 40 s{Environment.NewLine}{server.Tail()}");
                await Task.Delay(50);
                stored = StoredMessages(await EmailApp.ConversationsAsync(admin));
            }

            await server.KillAsync();
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: SIGKILL after {stored} seen stored, {Volatile.Read(ref appended)} appended");
            admin.Dispose();
            await server.DisposeAsync();
            await appending;
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: all {Total} appended while the server was down");

            server = await ServerProcess.StartAsync(settings);
            admin = await server.SignInAsAdminAsync();
            var survived = StoredMessages(await EmailApp.ConversationsAsync(admin));
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: second server ready, {survived} stored at its start");
            Assert.True(survived >= stored, $"{stored} were stored before the kill, {survived} after the restart");

            // However slowly a busy machine stores them: a run fails only when nothing moves for longer than the
            // dead node's mailbox lease takes to expire and the import to resume.
            var stalled = TimeSpan.FromSeconds(45);
            await Progress.UntilAsync(async () => StoredMessages(await EmailApp.ConversationsAsync(admin)) >= Total,
                async () => StoredMessages(await EmailApp.ConversationsAsync(admin)), stalled,
                () => $"waiting for {Total} stored{Environment.NewLine}{server.Tail()}", TimeSpan.FromMilliseconds(250));
            // A little longer: a duplicate would show up now.
            await Task.Delay(1000);
            var conversations = await EmailApp.ConversationsAsync(admin);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: {StoredMessages(conversations)} messages in {conversations.Count} conversations");

            Assert.Equal(Total, StoredMessages(conversations));
            Assert.Equal(Total, conversations.Count);
            Assert.All(conversations, c => Assert.Equal(1, c.MessageCount));
            Assert.Equal(Enumerable.Range(0, Total).Select(i => $"Message {i}").Order(), conversations.Select(c => c.Subject!).Order());
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }

            TempDirectories.Delete(data);
        }
    }

    // Each mail has its own sender and subject, so each is a conversation of its own and a duplicate shows as a count.
    private static MimeMessage Numbered(string user, int i) => new()
    {
        From = { new MailboxAddress($"Customer {i}", $"c{i}@cust.example") },
        To = { MailboxAddress.Parse(user) },
        Subject = $"Message {i}",
        MessageId = $"m{i}.{Guid.NewGuid():N}@cust.example",
        Body = new TextPart("plain") { Text = $"Body {i}" },
    };

    private static int StoredMessages(List<EmailConversation> conversations) => conversations.Sum(c => c.MessageCount);

    private Dictionary<string, string> Settings(string user, string data)
    {
        var port = mail.ImapPort.ToString(CultureInfo.InvariantCulture);
        var mailbox = "Omnichannel:Channels:Email:Mailboxes:0:";
        return new()
        {
            // No Redis connection string: the embedded store, persisted in the data folder both runs share.
            ["Omnichannel:Store:Redis"] = "",
            ["Omnichannel:Store:DataDirectory"] = data,
            ["Omnichannel:Store:Embedded:MemoryLimit"] = "256m",
            [mailbox + "Name"] = EmailApp.Mailbox,
            [mailbox + "ImapHost"] = "127.0.0.1",
            [mailbox + "ImapPort"] = port,
            // The killed server's lease on the mailbox holds the restarted one off until it expires.
            [mailbox + "LeaseLifetime"] = "00:00:06",
            [mailbox + "ImapSecurity"] = "None",
            [mailbox + "Username"] = user,
            [mailbox + "Password"] = MailServers.Password,
            [mailbox + "SmtpHost"] = "127.0.0.1",
            [mailbox + "SmtpPort"] = mail.SubmissionPort.ToString(CultureInfo.InvariantCulture),
            [mailbox + "SmtpSecurity"] = "None",
            [mailbox + "FromAddress"] = user,
            [mailbox + "ImportExisting"] = "All",
            [mailbox + "ReconnectDelay"] = "00:00:00.200",
            [mailbox + "MaxReconnectDelay"] = "00:00:01",
        };
    }
}
