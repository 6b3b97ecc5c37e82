using Omnichannel.Redis.Embedded;

namespace Omnichannel.Server.Commands;

/// <summary>
/// What a backup archive holds and where each part goes: <c>store/</c> the embedded store's data folder (its
/// checkpoint, the append-only file that continues it, the Data Protection certificate), <c>blobs/</c> the blob
/// folder, <c>manifest.json</c> last. The blob folder may sit inside the data folder (the default,
/// <c>./data/blobs</c>): it is archived once, under <c>blobs/</c>.
/// </summary>
internal static class BackupLayout
{
    public const string ManifestEntry = "manifest.json";
    public const string StorePrefix = "store/";
    public const string BlobPrefix = "blobs/";

    // Not data: the endpoint names the process serving the folder, the password is made anew by the store that
    // opens the restored folder (a backup need not carry it), temporary files are writes that never finished.
    private static readonly string[] NotArchived =
        [EmbeddedStoreEndpoint.FileName, EmbeddedStoreSecrets.PasswordFileName];

    /// <summary>The store's files in <paramref name="dataDirectory"/>, blob folder excluded: (path, entry).</summary>
    public static IEnumerable<(string Path, string Entry)> StoreFiles(string dataDirectory, string blobDirectory) =>
        Files(dataDirectory, StorePrefix).Where(f =>
            !IsInside(f.Path, blobDirectory)
            && !NotArchived.Contains(Path.GetRelativePath(dataDirectory, f.Path), StringComparer.Ordinal)
            && !f.Path.EndsWith(".tmp", StringComparison.Ordinal));

    /// <summary>The blobs: every file under the folder but one still being written (<c>.partial</c>).</summary>
    public static IEnumerable<(string Path, string Entry)> BlobFiles(string blobDirectory) =>
        Files(blobDirectory, BlobPrefix).Where(f => !f.Path.EndsWith(".partial", StringComparison.Ordinal));

    /// <summary>
    /// Where the relative name <paramref name="relative"/> lands under <paramref name="root"/>, or null when it would
    /// land anywhere else (<c>..</c>, an absolute path, a backslash, an empty segment): an archive is input.
    /// </summary>
    public static string? Resolve(string root, string relative)
    {
        var segments = relative.Split('/');
        if (relative.Length == 0 || relative.Contains('\\', StringComparison.Ordinal)
            || relative.Contains('\0', StringComparison.Ordinal)
            || Path.IsPathRooted(relative) || segments.Any(s => s is "" or "." or ".."))
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(root, Path.Combine(segments)));
        return IsInside(path, root) ? path : null;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or below it.</summary>
    public static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!Path.IsPathRooted(relative) && relative != ".."
            && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    /// <summary>True when a file lies anywhere under <paramref name="folder"/> (empty folders do not count).</summary>
    public static bool HasFiles(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any();

    private static IEnumerable<(string Path, string Entry)> Files(string folder, string prefix) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .Select(path =>
                    (path, prefix + Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/')))
            : [];
}
