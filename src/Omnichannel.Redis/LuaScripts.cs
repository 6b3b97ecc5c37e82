using System.Reflection;

namespace Omnichannel.Redis;

/// <summary>The store's Lua scripts, embedded as resources, each prefixed with the shared helpers of common.lua.</summary>
internal static class LuaScripts
{
    private static readonly string Common = Read("common");

    public static string Ingest { get; } = Compose("ingest");
    public static string AppendOutbound { get; } = Compose("append_outbound");
    public static string ChangeStatus { get; } = Compose("change_status");
    public static string Assign { get; } = Compose("assign");
    public static string WakeSnoozed { get; } = Compose("wake_snoozed");
    public static string SetDelivery { get; } = Compose("set_delivery");
    public static string ClaimOutbound { get; } = Compose("claim_outbound");

    private static string Compose(string name) => Common + "\n" + Read(name);

    private static string Read(string name)
    {
        var resource = $"Omnichannel.Redis.Scripts.{name}.lua";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded script {resource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
