using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using Omnichannel.Redis;
using Omnichannel.Redis.Checking;
using Omnichannel.Redis.Embedded;
using StackExchange.Redis;

namespace Omnichannel.Server.Commands;

/// <summary>
/// <c>dotnet Omnichannel.Server.dll backup FILE</c>: one consistent archive of the embedded store and the blob folder
/// (docs/deploy.md). The store is opened here, on a folder no server runs on, brought to a checkpoint and stopped
/// before a byte is archived, so the files cannot change underneath. Exit 0 written, 2 refused or failed (the
/// message says why); the web server never starts.
/// </summary>
internal static class BackupCommand
{
    public const int Written = 0;
    public const int Refused = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var file, ..] || file.StartsWith('-'))
        {
            return Fail("usage: backup FILE [--Omnichannel:Store:DataDirectory=DIR ...]");
        }

        EmbeddedGarnet? garnet = null;
        try
        {
            var settings = CommandSettings.Read(args[1..]);
            var target = Path.GetFullPath(file);
            var data = settings.DataDirectory;
            Refuse(settings, target);
            Console.WriteLine($"backup: opening the embedded store in {data}");
            garnet = new EmbeddedGarnet(settings.Store.Embedded, data, NullLoggerFactory.Instance);
            // As the server does at start: an operation a crash left half applied is rolled back, not archived.
            garnet.EnsureStarted(rollBackUnfinished: true);
            var report = await CheckpointAsync(garnet, settings.Store.Workspace);
            // Stopped before archiving: nothing can write to the checkpoint or the append-only file any more.
            garnet.Stop();
            Console.WriteLine(
                $"backup: checkpoint taken: {report.Conversations} conversations, {report.Messages} messages");
            if (!report.Consistent)
            {
                Console.WriteLine($"backup: warning: the store has {report.Findings.Count} findings (run check); "
                    + "they are archived as they are and a restore reports the same");
            }

            var blobs = BackupLayout.BlobFiles(settings.BlobDirectory).ToList();
            var writer = new BackupArchiveWriter();
            await writer.WriteAsync(target, BackupLayout.StoreFiles(data, settings.BlobDirectory).Concat(blobs),
                files => new BackupManifest(BackupManifest.CurrentFormat, DateTimeOffset.UtcNow, ServerVersion(),
                    settings.Store.Workspace, report.Conversations, report.Messages, report.Findings.Count, blobs.Count,
                    files));
            var bytes = writer.Files.Sum(f => f.Length);
            Console.WriteLine($"backup: wrote {target}: {writer.Files.Count - blobs.Count} store files and "
                + $"{blobs.Count} blobs ({bytes:N0} bytes before compression)");
            return Written;
        }
        catch (CommandFailedException ex)
        {
            return Fail(ex.Message);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or IOException
            or UnauthorizedAccessException
            or InvalidOperationException or EmbeddedStoreRecoveryException)
        {
            return Fail(ex.Message);
        }
        finally
        {
            garnet?.Stop();
        }
    }

    private static void Refuse(CommandSettings settings, string target)
    {
        if (settings.UsesRedis)
        {
            throw new CommandFailedException("the store is an external Redis (Omnichannel:Store:Redis), which this "
                + "command does not copy: back it up with its own persistence, an RDB snapshot (or the AOF), then the "
                + $"blob folder {settings.BlobDirectory}, in that order (docs/deploy.md, \"Backup and restore\")");
        }

        var data = settings.DataDirectory;
        if (!Directory.Exists(data) || !File.Exists(Path.Combine(data, EmbeddedStoreSecrets.PasswordFileName)))
        {
            throw new CommandFailedException($"no embedded store in {data} (Omnichannel:Store:DataDirectory)");
        }

        // The endpoint file names the live process serving the folder; a second Garnet on the same files would
        // corrupt them, and a copy of a running store's files is not one point in time.
        if (EmbeddedStoreEndpoint.RunningPort(data) is not null)
        {
            throw new CommandFailedException($"a server is running on {data}: stop it first, then back up");
        }

        if (File.Exists(target) || Directory.Exists(target))
        {
            throw new CommandFailedException($"{target} already exists: name a new file");
        }

        if (BackupLayout.IsInside(target, data) || BackupLayout.IsInside(target, settings.BlobDirectory))
        {
            throw new CommandFailedException($"{target} is inside the folders it backs up: write it elsewhere");
        }
    }

    // Counts first (what the manifest promises), then SAVE: Garnet writes a checkpoint and returns when it is done,
    // so the archive holds a snapshot to load rather than a log to replay.
    private static async Task<StoreCheckReport> CheckpointAsync(EmbeddedGarnet garnet, string workspace)
    {
        await using var multiplexer = await ConnectionMultiplexer.ConnectAsync(garnet.ConnectionString);
        var report = await new StoreChecker(new RedisKeys(workspace)).CheckAsync(multiplexer.GetDatabase());
        await multiplexer.GetServers()[0].ExecuteAsync("SAVE");
        return report;
    }

    private static string ServerVersion() =>
        typeof(BackupCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "unknown";

    private static int Fail(string message)
    {
        Console.Error.WriteLine("backup: failed: " + message);
        return Refused;
    }
}
