using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Omnichannel.Redis.Embedded;

namespace Omnichannel.Server.Commands;

/// <summary>
/// Writes a backup archive (tar.gz) under a temporary name beside the target and moves it into place only once it is
/// complete and on disk, so a crash never leaves half an archive under the final name. The archive is created
/// 0600: it carries the certificate that decrypts the Data Protection keys.
/// </summary>
internal sealed class BackupArchiveWriter
{
    private const int BufferSize = 81_920;
    private readonly List<ArchivedFile> _files = [];

    public IReadOnlyList<ArchivedFile> Files => _files;

    /// <summary>Writes every file in <paramref name="files"/>, then the manifest made from what was written.</summary>
    public async Task WriteAsync(string target, IEnumerable<(string Path, string Entry)> files,
        Func<IReadOnlyList<ArchivedFile>, BackupManifest> manifest, CancellationToken cancellationToken = default)
    {
        var temporary = $"{target}.{Guid.NewGuid():N}.partial";
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
            };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = PrivateFiles.FileMode;
            }

            await using (var output = new FileStream(temporary, options))
            {
                await using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
                await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
                {
                    foreach (var (path, entry) in files)
                    {
                        await AddFileAsync(tar, path, entry, cancellationToken);
                    }

                    var json = JsonSerializer.SerializeToUtf8Bytes(manifest(_files),
                        BackupJsonContext.Default.BackupManifest);
                    using var content = new MemoryStream(json);
                    await tar.WriteEntryAsync(Entry(BackupLayout.ManifestEntry, content), cancellationToken);
                }

                output.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private async Task AddFileAsync(TarWriter tar, string path, string entry, CancellationToken cancellationToken)
    {
        // Read twice (hash, then copy): the manifest holds the hash of what was read first, so a file changed in
        // between fails the restore instead of going unnoticed.
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize,
            useAsync: true);
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(input, cancellationToken));
        var length = input.Length;
        input.Position = 0;
        await tar.WriteEntryAsync(Entry(entry, input), cancellationToken);
        _files.Add(new ArchivedFile(entry, length, hash));
    }

    private static PaxTarEntry Entry(string name, Stream content) =>
        new(TarEntryType.RegularFile, name) { DataStream = content, Mode = PrivateFiles.FileMode };
}
