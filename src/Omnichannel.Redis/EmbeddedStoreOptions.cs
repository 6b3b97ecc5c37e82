using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Redis;

/// <summary>Bound from <c>Omnichannel:Store:Embedded</c>; used only when no Redis connection string is set.</summary>
public sealed class EmbeddedStoreOptions
{
    /// <summary>Loopback port for the embedded store; 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>
    /// In-memory log size (Garnet <c>--memory</c>). Garnet drops the oldest records past it, so it is sized far above
    /// the data and watched by the readiness check, which warns at <see cref="WarnAtPercent"/>.
    /// </summary>
    [Required, RegularExpression("^[0-9]+[kmgKMG]$", ErrorMessage = "MemoryLimit is a size such as 512m or 4g.")]
    public string MemoryLimit { get; set; } = "4g";

    [Range(10, 95)]
    public int WarnAtPercent { get; set; } = 60;

    /// <summary>Seconds between checkpoints; each one lets Garnet truncate its append-only file.</summary>
    [Range(10, 86_400)]
    public int CheckpointSeconds { get; set; } = 300;

    /// <summary>Acknowledge a write only after it is in the append-only file, so a crash loses nothing acknowledged.</summary>
    public bool WaitForAofCommit { get; set; } = true;

    /// <summary>
    /// Serve what a failed recovery brought back instead of refusing to start (docs/operations.md, "When the store
    /// will not start"). For an operator who has looked at the damage and chosen partial data over none.
    /// </summary>
    public bool AcceptIncompleteRecovery { get; set; }
}
