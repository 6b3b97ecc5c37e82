namespace Omnichannel.Core.Scheduling;

/// <summary>A one-off period in the shift's local time, such as cover for a holiday evening.</summary>
/// <param name="Start">Local wall-clock time (<see cref="DateTimeKind.Unspecified"/>) in the shift's zone.</param>
/// <param name="End">Local wall-clock time after <paramref name="Start"/>.</param>
public sealed record ExtraPeriod(DateTime Start, DateTime End)
{
    // A UTC or machine-local DateTime here is almost certainly a mistake: the shift's zone decides what the wall time means.
    public DateTime Start { get; init; } = Start.Kind == DateTimeKind.Unspecified
        ? Start
        : throw new ArgumentException("An extra period is given in the shift's local time (DateTimeKind.Unspecified).", nameof(Start));

    public DateTime End { get; init; } = End.Kind != DateTimeKind.Unspecified
        ? throw new ArgumentException("An extra period is given in the shift's local time (DateTimeKind.Unspecified).", nameof(End))
        : End > Start ? End : throw new ArgumentOutOfRangeException(nameof(End), End, "An extra period must end after it starts.");
}
