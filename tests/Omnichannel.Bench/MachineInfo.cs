using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Omnichannel.Bench;

/// <summary>What the figures were measured on; they mean little without it.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, string Memory, string Os, string Runtime, string Garnet, string Redis, string LoadAtStart)
{
    public static MachineInfo Describe(BenchOptions options) => new(
        ProcLine("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        ProcLine("/proc/meminfo", "MemTotal") ?? "unknown",
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        typeof(Garnet.GarnetServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
        options.Redis ? RedisVersion(options.RedisServerPath) : "not measured",
        LoadAverage());

    /// <summary>1, 5 and 15 minute load averages: other work on the machine shows up in the figures.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public IEnumerable<string> Lines()
    {
        yield return $"CPU:     {Cpu} ({Cores} cores visible to .NET)";
        yield return $"Memory:  {Memory}";
        yield return $"OS:      {Os}";
        yield return $".NET:    {Runtime}";
        yield return $"Garnet:  {Garnet} (embedded)";
        yield return $"Redis:   {Redis}";
        yield return $"Load:    {LoadAtStart} at start, {LoadAverage()} at the end (1/5/15 min averages)";
    }

    private static string? ProcLine(string file, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static string RedisVersion(string executable)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(executable, "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            if (process is null)
            {
                return "unknown";
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(5000);
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"{executable} not found";
        }
    }
}
