namespace Omnichannel.Core.Sla;

/// <summary>Where one promise stands. Met, breached and stopped are final for that clock.</summary>
public enum SlaClockState
{
    /// <summary>Counting down to <see cref="SlaClock.Due"/>.</summary>
    Running,

    /// <summary>Stopped while the conversation is pending or snoozed; the used time is kept.</summary>
    Paused,

    /// <summary>Kept in time.</summary>
    Met,

    /// <summary>Not kept: the deadline passed first.</summary>
    Breached,

    /// <summary>No longer owed: the conversation was resolved before a reply was due.</summary>
    Stopped,
}
