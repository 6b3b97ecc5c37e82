namespace Omnichannel.Integration.Tests.Infrastructure;

/// <summary>Scratch folders for servers under test, removed when the test is done with them.</summary>
public static class TempDirectories
{
    public static string Create(string prefix) => Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>Deletes the folder if it exists; a file still held open leaves it behind rather than failing the test.</summary>
    public static void Delete(string? directory)
    {
        if (directory is null || !Directory.Exists(directory))
        {
            return;
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Temp space is cleaned by the OS; a failed test for a leftover folder would hide the real result.
        }
    }

    /// <summary>Copies a folder tree file by file, as it is at this moment (used to snapshot a live server's files).</summary>
    public static void Copy(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            // FileShare.ReadWrite: the server still has its log files open for writing.
            using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var output = File.Create(Path.Combine(destination, Path.GetRelativePath(source, file)));
            input.CopyTo(output);
        }
    }
}
