namespace Omnichannel.Bench;

internal static class TempFolders
{
    /// <summary>Best effort: a folder left behind in /tmp must not turn a finished run into a failure.</summary>
    public static void Delete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Could not delete {directory}: {ex.Message}");
        }
    }
}
