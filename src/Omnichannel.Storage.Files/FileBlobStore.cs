using System.Text.RegularExpressions;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Storage.Files;

/// <summary>
/// Blobs as files under one directory: <c>{yyyy}/{MM}/{dd}/{id}</c>. A blob is written to a temporary file and moved
/// into place when complete, so a crash never leaves half a blob under a key. Several server nodes share blobs by
/// sharing the directory (a volume).
/// </summary>
public sealed partial class FileBlobStore(string directory, TimeProvider time) : IBlobStore
{
    private const int BufferSize = 81_920;

    public string Directory { get; } = Path.GetFullPath(directory);

    public async Task<StoredBlob> PutAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var now = time.GetUtcNow();
        var key = $"{now:yyyy}/{now:MM}/{now:dd}/{Ids.New()}";
        var path = PathOf(key);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".partial";
        long size = 0;
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw new BlobTooLargeException(maxBytes);
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
            }

            File.Move(temporary, path);
            return new StoredBlob(key, size);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!IsKey(key) || !File.Exists(PathOf(key)))
        {
            return Task.FromResult<Stream?>(null);
        }

        return Task.FromResult<Stream?>(new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, useAsync: true));
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!IsKey(key) || !File.Exists(PathOf(key)))
        {
            return Task.FromResult(false);
        }

        File.Delete(PathOf(key));
        return Task.FromResult(true);
    }

    /// <summary>Only keys this store makes are accepted, so a key can never point outside the directory.</summary>
    public static bool IsKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    private string PathOf(string key) => Path.Combine(Directory, key.Replace('/', Path.DirectorySeparatorChar));

    [GeneratedRegex(@"^\d{4}/\d{2}/\d{2}/[0-9a-f]{32}\z")]
    private static partial Regex KeyPattern();
}
