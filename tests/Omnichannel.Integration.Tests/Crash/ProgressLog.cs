using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace Omnichannel.Integration.Tests.Crash;

/// <summary>
/// Progress lines with the wall clock and the time since the test began, to the test's output and at once to
/// stderr: the test output is only shown when the test ends, and a slow or hung crash run has to be seen while it runs.
/// </summary>
internal sealed class ProgressLog(ITestOutputHelper output, string test, TimeProvider time)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Write(string line)
    {
        var stamped = string.Create(CultureInfo.InvariantCulture,
            $"{time.GetUtcNow():HH:mm:ss.fff} {_clock.Elapsed.TotalSeconds,6:0.0} s {test}: {line}");
        output.WriteLine(stamped);
        Console.Error.WriteLine(stamped);
    }

    public TimeSpan Elapsed => _clock.Elapsed;
}
