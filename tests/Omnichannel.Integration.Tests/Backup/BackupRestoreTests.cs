using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using Omnichannel.Integration.Tests.Email;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Backup;

/// <summary>
/// <c>backup</c> and <c>restore</c> as an operator runs them: the real executable on the real server's data folder,
/// judged by exit code, output, and what a server started on the restored folders serves.
/// </summary>
[Collection(EmailCollection.Name)]
public sealed class BackupRestoreTests(MailServers mail)
{
    [Fact]
    public async Task A_restored_backup_serves_every_conversation_message_and_file_and_ingest_goes_on_from_its_cursor()
    {
        var user = MailServers.NewUser();
        var root = TempDirectories.Create("oc-backup-");
        try
        {
            // The source keeps its blobs inside its data folder (the default layout), the target beside it.
            var source = Settings(user, Path.Combine(root, "a", "data"), Path.Combine(root, "a", "data", "blobs"));
            var target = Settings(user, Path.Combine(root, "b", "data"), Path.Combine(root, "b", "blobs"));
            var archive = Path.Combine(root, "backup.tar.gz");
            List<string> before;
            string cursor;
            await using (var server = await ServerProcess.StartAsync(source))
            {
                var admin = await server.SignInAsAdminAsync();
                await BackupWorkspace.FillAsync(server, admin, mail, user);
                before = await BackupWorkspace.ReadAsync(admin);
                cursor = await BackupWorkspace.CursorAsync(Path.Combine(root, "a", "data"), EmailApp.Mailbox);

                var (running, runningOutput) = await ServerProcess.RunCommandAsync(["backup", archive], source);
                Assert.True(running == 2, runningOutput);
                Assert.Contains("a server is running on", runningOutput, StringComparison.Ordinal);
                Assert.False(File.Exists(archive));
                // SIGKILL: the backup opens the store as a crash left it (the append-only file has every write).
                await server.KillAsync();
            }

            Assert.Equal(3, before.Count(l => l.StartsWith("conversation ", StringComparison.Ordinal)));
            Assert.Equal(2, before.Count(l => l.StartsWith("file ", StringComparison.Ordinal)));
            var (code, output) = await ServerProcess.RunCommandAsync(["backup", archive], source);
            Assert.True(code == 0, output);
            Assert.Contains("backup: wrote", output, StringComparison.Ordinal);

            // An empty data folder that exists already, as a volume's mount point does: filled in place.
            Directory.CreateDirectory(Path.Combine(root, "b", "data"));
            (code, output) = await ServerProcess.RunCommandAsync(["restore", archive], target);
            Assert.True(code == 0, output);
            Assert.Contains("restore: restored 3 conversations, 3 messages and 2 blobs", output, StringComparison.Ordinal);

            await using (var restored = await ServerProcess.StartAsync(target))
            {
                var admin = await restored.SignInAsAdminAsync();
                Assert.Equal(before, await BackupWorkspace.ReadAsync(admin));
                Assert.Equal(cursor, await BackupWorkspace.CursorAsync(Path.Combine(root, "b", "data"), EmailApp.Mailbox));

                mail.Deliver(user, Mails.Plain("late@cust.example", user, "After the restore", "Still there?", "late-1@cust.example"));
                var conversations = await EmailApp.WaitForMessagesAsync(admin, 4, TimeSpan.FromSeconds(30));
                Assert.Equal(4, conversations.Count);
                Assert.Equal(4, conversations.Sum(c => c.MessageCount));
                Assert.Single(conversations, c => c.Subject == "After the restore");
                // The cursor moves just after the store has the mail: from the restored position to the next UID.
                var moved = cursor.Replace("uid=1 ", "uid=2 ", StringComparison.Ordinal);
                await BackupWorkspace.WaitForCursorAsync(Path.Combine(root, "b", "data"), EmailApp.Mailbox, moved);
            }

            await Refusals(archive, root, user);
        }
        finally
        {
            TempDirectories.Delete(root);
        }
    }

    [Fact]
    public async Task Backup_and_restore_refuse_an_external_redis_and_point_to_its_own_persistence()
    {
        var root = TempDirectories.Create("oc-backup-redis-");
        try
        {
            var settings = Settings(MailServers.NewUser(), Path.Combine(root, "data"), Path.Combine(root, "blobs"));
            // Refused from the configuration alone: nothing listens there and nothing connects.
            settings["Omnichannel:Store:Redis"] = "127.0.0.1:1";
            var archive = Path.Combine(root, "backup.tar.gz");
            await WriteArchiveAsync(archive, "store/file");

            var (backup, backupOutput) = await ServerProcess.RunCommandAsync(["backup", Path.Combine(root, "new.tar.gz")], settings);
            var (restore, restoreOutput) = await ServerProcess.RunCommandAsync(["restore", archive], settings);

            Assert.True(backup == 2, backupOutput);
            Assert.Contains("an RDB snapshot (or the AOF), then the blob folder", backupOutput, StringComparison.Ordinal);
            Assert.True(restore == 2, restoreOutput);
            Assert.Contains("restore its RDB snapshot or AOF and the blob folder", restoreOutput, StringComparison.Ordinal);
            Assert.Equal([archive], Directory.GetFileSystemEntries(root));
        }
        finally
        {
            TempDirectories.Delete(root);
        }
    }

    // Each refusal exits non-zero with its reason and leaves its target as it found it.
    private async Task Refusals(string archive, string root, string user)
    {
        var occupied = Path.Combine(root, "occupied");
        Directory.CreateDirectory(occupied);
        await File.WriteAllTextAsync(Path.Combine(occupied, "keep.txt"), "mine");
        await AssertRefusedAsync(archive, Settings(user, occupied, Path.Combine(root, "occupied-blobs")), "is not empty", root);
        Assert.Equal([Path.Combine(occupied, "keep.txt")], Directory.GetFileSystemEntries(occupied, "*", SearchOption.AllDirectories));

        var truncated = Path.Combine(root, "truncated.tar.gz");
        var bytes = await File.ReadAllBytesAsync(archive);
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)]);
        await AssertRefusedAsync(truncated, Empty(root, user, "t"), "the archive cannot be restored", root);

        var corrupted = Path.Combine(root, "corrupted.tar.gz");
        bytes[bytes.Length / 3] ^= 0xFF;
        await File.WriteAllBytesAsync(corrupted, bytes);
        await AssertRefusedAsync(corrupted, Empty(root, user, "c"), "the archive cannot be restored", root);

        var escaping = Path.Combine(root, "escaping.tar.gz");
        await WriteArchiveAsync(escaping, "store/../../escaped.txt");
        await AssertRefusedAsync(escaping, Empty(root, user, "e"), "outside the folder it restores into", root);
        Assert.Empty(Directory.GetFiles(root, "escaped.txt", SearchOption.AllDirectories));
    }

    private static async Task AssertRefusedAsync(string archive, Dictionary<string, string> settings, string reason, string root)
    {
        var entriesBefore = Directory.GetFileSystemEntries(root).Order(StringComparer.Ordinal).ToList();
        var (code, output) = await ServerProcess.RunCommandAsync(["restore", archive], settings);
        Assert.True(code != 0, output);
        Assert.Contains(reason, output, StringComparison.Ordinal);
        var data = settings["Omnichannel:Store:DataDirectory"];
        Assert.DoesNotContain(Directory.Exists(data) ? Directory.GetFiles(data, "*", SearchOption.AllDirectories) : [],
            f => Path.GetFileName(f) != "keep.txt");
        // No staging folder is left beside the targets.
        Assert.Equal(entriesBefore, Directory.GetFileSystemEntries(root).Order(StringComparer.Ordinal).ToList());
    }

    private static async Task WriteArchiveAsync(string path, string entryName)
    {
        await using var file = File.Create(path);
        await using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        await using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        using var content = new MemoryStream("escaped"u8.ToArray());
        await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, entryName) { DataStream = content });
    }

    private Dictionary<string, string> Empty(string root, string user, string name) =>
        Settings(user, Path.Combine(root, name, "data"), Path.Combine(root, name, "blobs"));

    private Dictionary<string, string> Settings(string user, string data, string blobs) => Settings(mail, user, data, blobs);

    private static Dictionary<string, string> Settings(MailServers mail, string user, string data, string blobs)
    {
        var mailbox = "Omnichannel:Channels:Email:Mailboxes:0:";
        return new()
        {
            ["Omnichannel:Store:Redis"] = "",
            ["Omnichannel:Store:DataDirectory"] = data,
            ["Omnichannel:Store:Embedded:MemoryLimit"] = "256m",
            ["Omnichannel:Blobs:Directory"] = blobs,
            [mailbox + "Name"] = EmailApp.Mailbox,
            [mailbox + "ImapHost"] = "127.0.0.1",
            [mailbox + "ImapPort"] = mail.ImapPort.ToString(CultureInfo.InvariantCulture),
            // The killed source's lease on the mailbox is in the backup too; the restored server waits it out.
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
