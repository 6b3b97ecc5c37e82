using Microsoft.Extensions.Logging;

namespace Omnichannel.Redis.Embedded;

/// <summary>
/// Folders only the server's user may enter (0700) and files only it may read (0600). A file is created with its
/// mode already set and written under a temporary name, then moved into place: no other user can open it in
/// between, and a crash never leaves a half-written secret behind. On Windows, modes do not apply.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder with mode 0700, or takes group and other access away from an existing one.</summary>
    public static void EnsureFolder(string path, ILogger logger)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        if (!Directory.Exists(path))
        {
            // Parents, if missing, get the usual mode; only the data folder itself needs to be closed.
            Directory.CreateDirectory(path, FolderMode);
        }

        Tighten(path, File.GetUnixFileMode(path), FolderMode, logger);
    }

    /// <summary>
    /// The content of <paramref name="path"/>, created with mode 0600 from <paramref name="create"/> when missing.
    /// Two processes creating it at once both end up with the first one's content.
    /// </summary>
    public static byte[] ReadOrCreate(string path, Func<byte[]> create, ILogger logger, out bool created)
    {
        created = false;
        if (!File.Exists(path))
        {
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            try
            {
                var options = new FileStreamOptions
                {
                    Mode = System.IO.FileMode.CreateNew,
                    Access = FileAccess.Write,
                    Share = FileShare.None,
                };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = FileMode;
                }

                using (var stream = new FileStream(temporary, options))
                {
                    stream.Write(create());
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temporary, path, overwrite: false);
                created = true;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process put it there first: theirs is the one in use.
            }
            finally
            {
                File.Delete(temporary);
            }
        }

        if (!OperatingSystem.IsWindows())
        {
            Tighten(path, File.GetUnixFileMode(path), FileMode, logger);
        }

        return File.ReadAllBytes(path);
    }

    /// <summary>The content of <paramref name="path"/>, or null when there is no such file.</summary>
    public static byte[]? ReadIfExists(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void Tighten(string path, UnixFileMode mode, UnixFileMode wanted, ILogger logger)
    {
        if ((mode & ~wanted) == 0)
        {
            return;
        }

        File.SetUnixFileMode(path, mode & wanted);
        logger.LogWarning("{Path} was open to other users ({Mode}); its mode is now {Wanted}",
            path, Octal(mode), Octal(mode & wanted));
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
