using Microsoft.Extensions.Logging.Abstractions;
using Omnichannel.Redis;
using Omnichannel.Redis.Checking;
using Omnichannel.Redis.Embedded;
using StackExchange.Redis;

namespace Omnichannel.Server.Commands;

/// <summary>
/// <c>dotnet Omnichannel.Server.dll restore FILE</c>: puts a <c>backup</c> archive back into the configured data
/// folder and blob folder, which must hold no file. Everything is extracted into staging folders inside the targets
/// and proven there (hashes, the store opened and its counts and invariants checked as <c>check</c> does); only then
/// are the staging folders moved into place. Exit 0 restored, 1 the restored store does not match its manifest,
/// 2 refused or unreadable; in both failure cases the targets are left as they were.
/// </summary>
internal static class RestoreCommand
{
    public const int Restored = 0;
    public const int Mismatch = 1;
    public const int Refused = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var file, ..] || file.StartsWith('-'))
        {
            return Fail(Refused, "usage: restore FILE [--Omnichannel:Store:DataDirectory=DIR ...]");
        }

        var staging = new RestoreStaging();
        try
        {
            var settings = CommandSettings.Read(args[1..]);
            var archive = Path.GetFullPath(file);
            Refuse(settings, archive);
            staging.Prepare(settings.DataDirectory, settings.BlobDirectory);
            Console.WriteLine($"restore: extracting {archive}");
            var manifest = await BackupArchiveReader.ExtractAsync(archive, staging.Data, staging.Blobs);
            if (manifest.Workspace != settings.Store.Workspace)
            {
                throw new CommandFailedException($"the archive holds workspace {manifest.Workspace} and the "
                    + $"configuration names {settings.Store.Workspace} (Omnichannel:Store:Workspace): set it to match");
            }

            Console.WriteLine($"restore: {manifest.Files.Count} files match the manifest of {manifest.CreatedAt:u} "
                + $"(server {manifest.ServerVersion})");
            var report = await OpenAndCheckAsync(settings, staging.Data);
            if (report.Conversations != manifest.Conversations || report.Messages != manifest.Messages
                || report.Findings.Count > manifest.Findings)
            {
                foreach (var finding in report.Findings)
                {
                    Console.WriteLine(finding);
                }

                return Fail(Mismatch, $"the restored store holds {report.Conversations} conversations, "
                    + $"{report.Messages} messages and {report.Findings.Count} findings; the backup held "
                    + $"{manifest.Conversations}, {manifest.Messages} and {manifest.Findings}. Nothing was restored");
            }

            staging.MoveIntoPlace();
            Console.WriteLine($"restore: restored {manifest.Conversations} conversations, {manifest.Messages} messages "
                + $"and {manifest.Blobs} blobs into {settings.DataDirectory} and {settings.BlobDirectory}; "
                + (report.Consistent ? "check: consistent"
                    : $"check: {report.Findings.Count} findings, as at the backup"));
            return Restored;
        }
        catch (CommandFailedException ex)
        {
            return Fail(Refused, ex.Message);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or IOException
            or UnauthorizedAccessException
            or InvalidOperationException or EmbeddedStoreRecoveryException)
        {
            return Fail(Refused, ex.Message);
        }
        finally
        {
            staging.Dispose();
        }
    }

    private static void Refuse(CommandSettings settings, string archive)
    {
        if (settings.UsesRedis)
        {
            throw new CommandFailedException("the store is an external Redis (Omnichannel:Store:Redis): restore its "
                + "RDB snapshot or AOF and the blob folder as docs/deploy.md says (\"Backup and restore\")");
        }

        if (!File.Exists(archive))
        {
            throw new CommandFailedException($"{archive} does not exist");
        }

        // A folder with data is never merged into or overwritten: an operator who means it empties it first.
        foreach (var folder in new[] { settings.DataDirectory, settings.BlobDirectory })
        {
            if (BackupLayout.HasFiles(folder))
            {
                throw new CommandFailedException($"{folder} is not empty: restore only into an empty folder "
                    + "(move the current one aside first)");
            }
        }
    }

    // The same invariant check as the check command, on the store as Garnet recovers it from the restored files.
    private static async Task<StoreCheckReport> OpenAndCheckAsync(CommandSettings settings, string data)
    {
        using var garnet = new EmbeddedGarnet(settings.Store.Embedded, data, NullLoggerFactory.Instance);
        garnet.EnsureStarted(rollBackUnfinished: false);
        await using var multiplexer = await ConnectionMultiplexer.ConnectAsync(garnet.ConnectionString);
        var checker = new StoreChecker(new RedisKeys(settings.Store.Workspace));
        var report = await checker.CheckAsync(multiplexer.GetDatabase());
        Console.WriteLine(
            $"restore: the store opened with {report.Conversations} conversations and {report.Messages} messages");
        return report;
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine("restore: failed: " + message);
        return code;
    }
}
