namespace Omnichannel.Core.Ports;

public static class Presence
{
    /// <summary>A heartbeat keeps an agent present this long.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
}
