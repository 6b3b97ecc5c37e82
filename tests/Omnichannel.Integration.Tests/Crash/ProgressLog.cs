using System.Globalization;
using Xunit.Abstractions;

namespace Omnichannel.Integration.Tests.Crash;

/// <summary>
/// The progress of a crash run, one stamped line at a time (wall clock, time since the run began, whose run): to the
/// test's output, and at once to stderr and, when <c>OC_CRASH_LOG</c> names one, to a file. xunit shows a test's
/// output only when it ends, and a slow or hung crash run has to be watched while it runs.
/// </summary>
internal sealed class ProgressLog(ITestOutputHelper output, string name, TimeProvider time)
{
    /// <summary>A file every crash run appends its progress to as it goes.</summary>
    public const string FileVariable = "OC_CRASH_LOG";

    // The suite's two runs may write to the same file.
    private static readonly Lock FileLock = new();

    private readonly long _started = time.GetTimestamp();

    public TimeSpan Elapsed => time.GetElapsedTime(_started);

    public void Write(string line)
    {
        var stamped = string.Create(CultureInfo.InvariantCulture,
            $"{time.GetUtcNow():HH:mm:ss.fff} {Elapsed.TotalSeconds,6:0.0} s {name}: {line}");
        output.WriteLine(stamped);
        Console.Error.WriteLine(stamped);
        if (Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } file)
        {
            lock (FileLock)
            {
                File.AppendAllText(file, stamped + Environment.NewLine);
            }
        }
    }
}
