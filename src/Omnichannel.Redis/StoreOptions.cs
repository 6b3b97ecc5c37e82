using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Redis;

/// <summary>Bound from <c>Omnichannel:Store</c>.</summary>
public sealed class StoreOptions
{
    public const string Section = "Omnichannel:Store";

    /// <summary>StackExchange.Redis connection string. Empty: host the embedded Garnet store.</summary>
    public string? Redis { get; set; }

    /// <summary>Where the embedded store keeps its checkpoints and append-only file.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Workspace id: the <c>{ws}</c> hash tag of every key.</summary>
    [Required, RegularExpression("^[a-z0-9-]{1,32}$", ErrorMessage = "Workspace must be 1-32 lowercase letters, digits or '-'.")]
    public string Workspace { get; set; } = "default";

    /// <summary>How many events the workspace log keeps for clients that resume after a disconnect.</summary>
    [Range(100, 10_000_000)]
    public int EventLogCapacity { get; set; } = 50_000;

    public EmbeddedStoreOptions Embedded { get; set; } = new();
}
