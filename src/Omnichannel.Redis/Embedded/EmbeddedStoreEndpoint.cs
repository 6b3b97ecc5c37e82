using System.Diagnostics;
using System.Globalization;

namespace Omnichannel.Redis.Embedded;

/// <summary>
/// <c>embedded-store.endpoint</c> in the data folder: "pid port" of the process serving the folder's embedded store,
/// written once it listens and removed when it stops. Tools (the <c>check</c> command) connect to that port instead
/// of starting a second Garnet on the same files. A file left by a killed process names a pid that is gone.
/// </summary>
public static class EmbeddedStoreEndpoint
{
    public const string FileName = "embedded-store.endpoint";

    public static void Write(string dataDirectory, int port) =>
        File.WriteAllText(Path.Combine(dataDirectory, FileName),
            string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId} {port}"));

    /// <summary>Removes the file if this process wrote it.</summary>
    public static void Remove(string dataDirectory)
    {
        if (Read(dataDirectory) is { ProcessId: var pid } && pid == Environment.ProcessId)
        {
            File.Delete(Path.Combine(dataDirectory, FileName));
        }
    }

    /// <summary>The port of the store another live process serves from this folder, or null when none does.</summary>
    public static int? RunningPort(string dataDirectory)
    {
        if (Read(dataDirectory) is not { } endpoint || endpoint.ProcessId == Environment.ProcessId)
        {
            return null;
        }

        try
        {
            using var process = Process.GetProcessById(endpoint.ProcessId);
            return process.HasExited ? null : endpoint.Port;
        }
        catch (ArgumentException)
        {
            // No process with that id: the file outlived a killed server.
            return null;
        }
    }

    private static (int ProcessId, int Port)? Read(string dataDirectory)
    {
        try
        {
            var parts = File.ReadAllText(Path.Combine(dataDirectory, FileName)).Split(' ');
            return parts.Length == 2
                && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var pid)
                && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var port)
                ? (pid, port)
                : null;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
