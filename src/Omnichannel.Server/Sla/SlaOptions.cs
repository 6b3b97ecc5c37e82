using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Server.Sla;

/// <summary><c>Omnichannel:Sla</c>: how often the SLA keeper looks at the event log and the deadlines.</summary>
public sealed class SlaOptions
{
    public const string Section = "Omnichannel:Sla";

    /// <summary>Seconds between the keeper's rounds: deadlines appear and alerts fire within about this.</summary>
    [Range(1, 60)]
    public int IntervalSeconds { get; set; } = 1;

    /// <summary>Seconds a node holds the keeper's lease without renewing it; another node takes over after that.</summary>
    [Range(5, 600)]
    public int LeaseSeconds { get; set; } = 15;
}
