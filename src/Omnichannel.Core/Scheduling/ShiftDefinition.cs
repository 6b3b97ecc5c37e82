using Omnichannel.Core.Validation;

namespace Omnichannel.Core.Scheduling;

/// <summary>
/// A shift as the API carries it (<c>PUT /api/shifts/{id}</c>):
/// <c>{"name": "Night", "timeZone": "Europe/Berlin", "periods": [{"days": ["Mon", "Tue"], "start": "22:00", "end": "06:00"}],
/// "exceptions": ["2026-12-25"], "extraPeriods": [{"start": "2026-12-24T18:00", "end": "2026-12-24T23:00"}], "members": ["agentId"]}</c>.
/// Times are <c>HH:mm</c> local to <c>timeZone</c>; an end may be <c>24:00</c>, and an end before the start crosses midnight.
/// <c>exceptions</c>, <c>extraPeriods</c> and <c>members</c> may be left out.
/// </summary>
public sealed record ShiftDefinition(
    string? Name,
    string? TimeZone,
    IReadOnlyList<ShiftPeriodDefinition?>? Periods,
    IReadOnlyList<string?>? Exceptions = null,
    IReadOnlyList<ExtraPeriodDefinition?>? ExtraPeriods = null,
    IReadOnlyList<string?>? Members = null) : IValidatable
{
    public const int MaxPeriods = 50;
    public const int MaxExceptions = 1_000;
    public const int MaxExtraPeriods = 100;
    public const int MaxMembers = 1_000;

    /// <summary>Every problem with the definition, each naming its JSON path (<c>periods[0].start</c>).</summary>
    public IEnumerable<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        ShiftDefinitionReader.Read(this, "validated", errors);
        return errors;
    }

    /// <summary>The shift this definition describes, under <paramref name="id"/>.</summary>
    /// <exception cref="RequestValidationException">The definition is not valid; see <see cref="Validate"/>.</exception>
    public Shift ToShift(string id)
    {
        var errors = new List<ValidationError>();
        var shift = ShiftDefinitionReader.Read(this, id, errors);
        return shift is not null && errors.Count == 0 ? shift : throw new RequestValidationException(errors);
    }

    /// <summary>The definition that reads back as <paramref name="shift"/>, for answering a <c>GET</c>.</summary>
    public static ShiftDefinition FromShift(Shift shift) => new(
        shift.Name,
        shift.TimeZoneId,
        [.. shift.Periods.Select(p => new ShiftPeriodDefinition(
            [.. ShiftText.WeekOrder.Where(p.Days.Contains).Select(ShiftText.FormatDay)],
            ShiftText.FormatTime(p.Start.ToTimeSpan()),
            ShiftText.FormatTime(p.End)))],
        [.. shift.Exceptions.Select(ShiftText.FormatDate)],
        [.. shift.ExtraPeriods.Select(e => new ExtraPeriodDefinition(ShiftText.FormatLocalDateTime(e.Start), ShiftText.FormatLocalDateTime(e.End)))],
        [.. shift.Members]);
}
