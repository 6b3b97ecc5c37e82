using Omnichannel.Core.Scheduling;
using Omnichannel.Core.Validation;

namespace Omnichannel.Core.Sla;

/// <summary>
/// An SLA policy as the API carries it (<c>PUT /api/sla-policies/{id}</c>, docs/sla.md):
/// <c>{"name", "targets": {"&lt;priority&gt;": {"firstResponseMinutes", "nextResponseMinutes", "resolutionMinutes"}},
/// "businessHours": &lt;calendar or null&gt;, "warnAtPercent", "pauseWhilePending", "escalateOnBreach"}</c>. Priorities are <c>low</c>,
/// <c>normal</c>, <c>high</c>, <c>urgent</c>; a priority left out has no targets.
/// </summary>
public sealed record SlaPolicyDefinition(
    string? Name,
    IReadOnlyDictionary<string, SlaTargetsDefinition?>? Targets,
    BusinessHoursDefinition? BusinessHours = null,
    int? WarnAtPercent = null,
    bool PauseWhilePending = true,
    bool EscalateOnBreach = false) : IValidatable
{
    /// <summary>A target of at most a year of working time.</summary>
    public const int MaxTargetMinutes = 366 * 24 * 60;

    public IEnumerable<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        Read("validated", errors);
        return errors;
    }

    /// <exception cref="RequestValidationException">The definition is not valid; see <see cref="Validate"/>.</exception>
    public SlaPolicy ToPolicy(string id)
    {
        var errors = new List<ValidationError>();
        var policy = Read(id, errors);
        return policy is not null && errors.Count == 0 ? policy : throw new RequestValidationException(errors);
    }

    /// <summary>The definition that reads back as <paramref name="policy"/>, for answering a <c>GET</c>.</summary>
    public static SlaPolicyDefinition From(SlaPolicy policy) => new(
        policy.Name,
        PriorityText.All.Where(policy.Targets.ContainsKey).ToDictionary(
            p => p.ToText(),
            p => (SlaTargetsDefinition?)new SlaTargetsDefinition(
                Minutes(policy.Targets[p].FirstResponse), Minutes(policy.Targets[p].NextResponse), Minutes(policy.Targets[p].Resolution))),
        policy.BusinessHours is null ? null : BusinessHoursDefinition.From(policy.BusinessHours),
        policy.WarnAtPercent,
        policy.PauseWhilePending,
        policy.EscalateOnBreach);

    private SlaPolicy? Read(string id, List<ValidationError> errors)
    {
        var before = errors.Count;
        errors.AddRange(TextRules.Required("name", Name, TextRules.MaxNameLength));
        var targets = ReadTargets(errors);
        Shift? hours = null;
        if (BusinessHours is not null)
        {
            var calendarErrors = new List<ValidationError>();
            hours = ShiftDefinitionReader.Read(BusinessHours.AsShift(Name ?? id), id, calendarErrors);
            errors.AddRange(calendarErrors.Where(e => e.Field != "name").Select(e => e with { Field = "businessHours." + e.Field }));
        }

        if (WarnAtPercent is < 1 or > 99)
        {
            errors.Add(new("warnAtPercent", "must be from 1 to 99, or null for no warning."));
        }

        return errors.Count > before ? null : new SlaPolicy(id, Name!, targets, hours, WarnAtPercent, PauseWhilePending)
        {
            EscalateOnBreach = EscalateOnBreach,
        };
    }

    private Dictionary<Priority, SlaTargets> ReadTargets(List<ValidationError> errors)
    {
        var targets = new Dictionary<Priority, SlaTargets>();
        if (Targets is null)
        {
            errors.Add(new("targets", "is required: an object with a key per priority (low, normal, high, urgent)."));
            return targets;
        }

        foreach (var (key, value) in Targets)
        {
            // The key is the client's text: it is named in the error only once known to be harmless.
            if (!PriorityText.TryParse(key, out var priority))
            {
                errors.Add(new("targets", "has a key that is not a priority: use low, normal, high or urgent."));
                continue;
            }

            var field = $"targets.{key}";
            if (value is null)
            {
                errors.Add(new(field, "is null: leave the priority out for no targets."));
                continue;
            }

            targets[priority] = new SlaTargets(
                ReadMinutes($"{field}.firstResponseMinutes", value.FirstResponseMinutes, errors),
                ReadMinutes($"{field}.nextResponseMinutes", value.NextResponseMinutes, errors),
                ReadMinutes($"{field}.resolutionMinutes", value.ResolutionMinutes, errors));
        }

        return targets;
    }

    private static TimeSpan? ReadMinutes(string field, int? minutes, List<ValidationError> errors)
    {
        if (minutes is null)
        {
            return null;
        }

        if (minutes is < 1 or > MaxTargetMinutes)
        {
            errors.Add(new(field, $"must be from 1 to {MaxTargetMinutes} minutes, or null for no target."));
            return null;
        }

        return TimeSpan.FromMinutes(minutes.Value);
    }

    private static int? Minutes(TimeSpan? target) => target is { } t ? (int)t.TotalMinutes : null;
}
