using Omnichannel.Core.Scheduling;

namespace Omnichannel.Core.Ports;

/// <summary>Shift definitions. Shift ids are URL-safe slugs chosen by the lead (<c>night</c>, <c>day-berlin</c>).</summary>
public interface IShiftStore
{
    Task<IReadOnlyList<Shift>> ListAsync(CancellationToken cancellationToken = default);

    Task<Shift?> GetAsync(string shiftId, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces the shift in one atomic write; returns the version it replaced (null when new).</summary>
    Task<Shift?> SaveAsync(Shift shift, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Removes the shift; returns what was removed (null when there was none).</summary>
    Task<Shift?> DeleteAsync(string shiftId, CancellationToken cancellationToken = default);
}
