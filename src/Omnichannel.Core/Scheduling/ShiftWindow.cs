namespace Omnichannel.Core.Scheduling;

/// <summary>A concrete interval in UTC, from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive).</summary>
public readonly record struct ShiftWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End - Start;

    public bool Contains(DateTimeOffset instant) => Start <= instant && instant < End;
}
