using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Omnichannel.Redis.Embedded;

namespace Omnichannel.Server.Commands;

/// <summary>
/// Extracts a backup archive into two staging folders, one for the store and one for the blobs, treating it as
/// input: only regular files, only names that stay inside their folder, a manifest of bounded size, and every file's
/// length and hash checked against the manifest. Any failure throws <see cref="CommandFailedException"/>.
/// </summary>
internal static class BackupArchiveReader
{
    private const int BufferSize = 81_920;
    private const long MaxManifestBytes = 16 * 1024 * 1024;

    public static async Task<BackupManifest> ExtractAsync(string archive, string storeFolder, string blobFolder,
        CancellationToken cancellationToken = default)
    {
        var extracted = new List<ArchivedFile>();
        BackupManifest? manifest = null;
        try
        {
            await using var input = new FileStream(archive, FileMode.Open, FileAccess.Read, FileShare.Read,
                BufferSize, useAsync: true);
            await using var gzip = new GZipStream(input, CompressionMode.Decompress);
            await using var tar = new TarReader(gzip);
            while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                if (manifest is not null)
                {
                    throw Unusable($"entry {Quote(entry.Name)} follows the manifest, which is always last");
                }

                if (entry.EntryType is TarEntryType.Directory)
                {
                    continue;
                }

                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                {
                    throw Unusable($"entry {Quote(entry.Name)} is a {entry.EntryType}, not a file");
                }

                if (entry.Name == BackupLayout.ManifestEntry)
                {
                    manifest = await ReadManifestAsync(entry, cancellationToken);
                    continue;
                }

                var path = Destination(entry.Name, storeFolder, blobFolder);
                extracted.Add(await CopyAsync(entry, path, cancellationToken));
            }

            // The tar reader stops at the end-of-archive records; reading on to the end of the gzip stream makes it
            // check its CRC-32 and length, so a byte flipped where neither tar nor the manifest looks (a header's
            // padding, the records after the last file) is still caught.
            await gzip.CopyToAsync(Stream.Null, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException
            or JsonException or OverflowException or ArgumentException)
        {
            throw Unusable($"it is damaged or truncated ({ex.Message})");
        }

        if (manifest is null)
        {
            throw Unusable("it has no manifest: it is truncated, or no backup of this server");
        }

        Verify(manifest, extracted);
        return manifest;
    }

    private static string Destination(string name, string storeFolder, string blobFolder)
    {
        var (root, relative) = name.StartsWith(BackupLayout.StorePrefix, StringComparison.Ordinal)
            ? (storeFolder, name[BackupLayout.StorePrefix.Length..])
            : name.StartsWith(BackupLayout.BlobPrefix, StringComparison.Ordinal)
                ? (blobFolder, name[BackupLayout.BlobPrefix.Length..])
                : throw Unusable($"entry {Quote(name)} is neither under store/ nor under blobs/");
        return BackupLayout.Resolve(root, relative)
            ?? throw Unusable($"entry {Quote(name)} would be written outside the folder it restores into");
    }

    private static async Task<BackupManifest> ReadManifestAsync(TarEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Length > MaxManifestBytes || entry.DataStream is null)
        {
            throw Unusable($"its manifest is {entry.Length} bytes, past the {MaxManifestBytes} a manifest can be");
        }

        var manifest = await JsonSerializer.DeserializeAsync(entry.DataStream, BackupJsonContext.Default.BackupManifest,
            cancellationToken);
        if (manifest is null || manifest.Files is null || manifest.Workspace is null)
        {
            throw Unusable("its manifest is empty");
        }

        if (manifest.Format != BackupManifest.CurrentFormat)
        {
            throw Unusable($"its format is {manifest.Format}; this server reads format {BackupManifest.CurrentFormat}");
        }

        return manifest;
    }

    private static async Task<ArchivedFile> CopyAsync(TarEntry entry, string path, CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            throw Unusable($"entry {Quote(entry.Name)} appears twice");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            // The store's files include the certificate that decrypts the Data Protection keys.
            options.UnixCreateMode = PrivateFiles.FileMode;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        await using (var output = new FileStream(path, options))
        {
            if (entry.DataStream is { } data)
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await data.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    length += read;
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            output.Flush(flushToDisk: true);
        }

        return new ArchivedFile(entry.Name, length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    // The manifest lists every file the backup wrote with its hash: a file missing, added, cut short or altered
    // after the backup is refused here, before any store opens it.
    private static void Verify(BackupManifest manifest, List<ArchivedFile> extracted)
    {
        var expected = manifest.Files.ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var file in extracted)
        {
            if (!expected.Remove(file.Name, out var listed))
            {
                throw Unusable($"entry {Quote(file.Name)} is not in its manifest");
            }

            if (listed.Length != file.Length || !string.Equals(listed.Sha256, file.Sha256, StringComparison.Ordinal))
            {
                throw Unusable($"entry {Quote(file.Name)} differs from what the backup wrote (length or SHA-256)");
            }
        }

        if (expected.Count > 0)
        {
            throw Unusable($"{expected.Count} files of its manifest are missing, {Quote(expected.Keys.First())} first");
        }
    }

    // Entry names are input: printed escaped, so a name cannot forge a line of output.
    private static string Quote(string name) => JsonSerializer.Serialize(name, BackupJsonContext.Default.String);

    private static CommandFailedException Unusable(string reason) => new("the archive cannot be restored: " + reason);
}
