namespace Omnichannel.Core.Inbound;

/// <summary>How many tries an inbound item gets before it is quarantined (<c>Omnichannel:Quarantine</c>).</summary>
public sealed class QuarantineOptions
{
    public const string Section = "Omnichannel:Quarantine";

    /// <summary>Tries at one item (a crash while reading it counts) before it is set aside; 1 to 20.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Raw items up to this size are kept with the entry (inline or as a blob); larger ones are not kept.</summary>
    public long MaxRawBytes { get; set; } = 32L * 1024 * 1024;
}
