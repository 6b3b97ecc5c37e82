using Omnichannel.Core.Model;
using Omnichannel.Core.Validation;

namespace Omnichannel.Core.Scheduling;

/// <summary>
/// Reads a <see cref="ShiftDefinition"/> into a <see cref="Shift"/>, collecting every problem on the way, so that
/// validation and conversion can never disagree about what is valid.
/// </summary>
internal static class ShiftDefinitionReader
{
    private const int MaxTimeZoneIdLength = 64;

    private delegate bool ItemReader<in TItem, T>(string field, TItem item, List<ValidationError> errors, out T value);

    /// <summary>The shift, or null when <paramref name="errors"/> received anything.</summary>
    public static Shift? Read(ShiftDefinition definition, string id, List<ValidationError> errors)
    {
        var before = errors.Count;
        errors.AddRange(TextRules.Required("name", definition.Name, TextRules.MaxNameLength));
        var timeZone = ReadTimeZone(definition.TimeZone, errors);
        var periods = ReadPeriods(definition.Periods, errors);
        var exceptions = ReadList<string, DateOnly>("exceptions", definition.Exceptions, ShiftDefinition.MaxExceptions, errors, ReadException);
        var extras = ReadList<ExtraPeriodDefinition, ExtraPeriod>("extraPeriods", definition.ExtraPeriods, ShiftDefinition.MaxExtraPeriods, errors, ReadExtraPeriod);
        var members = ReadList<string, string>("members", definition.Members, ShiftDefinition.MaxMembers, errors, ReadMember);
        if (errors.Count > before)
        {
            return null;
        }

        return new Shift(id, definition.Name!, timeZone!, periods, exceptions, extras, members);
    }

    private static string? ReadTimeZone(string? timeZone, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(timeZone))
        {
            errors.Add(new("timeZone", "is required."));
            return null;
        }

        // The id becomes a file name lookup; accept only the characters IANA ids use, and only IANA ids, not Windows ones.
        // The runtime's zone cache ignores letter case while the zoneinfo files do not: insist on the exact spelling so
        // that a zone accepted here is found on every node. "localtime" differs from machine to machine.
        var known = timeZone.Length <= MaxTimeZoneIdLength
            && timeZone.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+')
            && timeZone is not "localtime" and not "posixrules"
            && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone)
            && zone.HasIanaId
            && zone.Id == timeZone;
        if (!known)
        {
            errors.Add(new("timeZone", "is not a known IANA time zone, such as Europe/Berlin."));
            return null;
        }

        return timeZone;
    }

    private static List<ShiftPeriod> ReadPeriods(IReadOnlyList<ShiftPeriodDefinition?>? periods, List<ValidationError> errors)
    {
        if (periods is null)
        {
            errors.Add(new("periods", "is required (it may be an empty list)."));
            return [];
        }

        return ReadList<ShiftPeriodDefinition, ShiftPeriod>("periods", periods, ShiftDefinition.MaxPeriods, errors, ReadPeriod);
    }

    private static bool ReadPeriod(string field, ShiftPeriodDefinition definition, List<ValidationError> errors, out ShiftPeriod period)
    {
        period = null!;
        var days = ReadDays($"{field}.days", definition.Days, errors);
        var start = ReadTime($"{field}.start", definition.Start, allowEndOfDay: false, errors);
        var end = ReadTime($"{field}.end", definition.End, allowEndOfDay: true, errors);
        if (start is { } s && end is { } e && s == e)
        {
            errors.Add(new($"{field}.end", "must differ from start; a whole day is 00:00 to 24:00."));
            return false;
        }

        if (days is null || start is null || end is null)
        {
            return false;
        }

        period = new ShiftPeriod(days, TimeOnly.FromTimeSpan(start.Value), end.Value);
        return true;
    }

    private static HashSet<DayOfWeek>? ReadDays(string field, IReadOnlyList<string?>? days, List<ValidationError> errors)
    {
        if (days is null || days.Count == 0)
        {
            errors.Add(new(field, "must name at least one day."));
            return null;
        }

        var before = errors.Count;
        var set = new HashSet<DayOfWeek>();
        for (var i = 0; i < days.Count; i++)
        {
            if (!ShiftText.TryParseDay(days[i], out var day))
            {
                errors.Add(new($"{field}[{i}]", "must be one of Mon, Tue, Wed, Thu, Fri, Sat, Sun."));
            }
            else if (!set.Add(day))
            {
                errors.Add(new($"{field}[{i}]", $"repeats {ShiftText.FormatDay(day)}."));
            }
        }

        return errors.Count > before ? null : set;
    }

    private static TimeSpan? ReadTime(string field, string? text, bool allowEndOfDay, List<ValidationError> errors)
    {
        if (ShiftText.TryParseTime(text, allowEndOfDay, out var time))
        {
            return time;
        }

        errors.Add(new(field, allowEndOfDay
            ? "must be a local time HH:mm from 00:00 to 24:00."
            : "must be a local time HH:mm from 00:00 to 23:59."));
        return null;
    }

    private static bool ReadException(string field, string exception, List<ValidationError> errors, out DateOnly date)
    {
        if (ShiftText.TryParseDate(exception, out date))
        {
            return true;
        }

        errors.Add(new(field, $"must be a date yyyy-MM-dd between {ShiftText.FormatDate(ShiftText.FirstDate)} and {ShiftText.FormatDate(ShiftText.LastDate)}."));
        return false;
    }

    private static bool ReadExtraPeriod(string field, ExtraPeriodDefinition definition, List<ValidationError> errors, out ExtraPeriod extra)
    {
        extra = null!;
        var start = ReadLocalDateTime($"{field}.start", definition.Start, errors);
        var end = ReadLocalDateTime($"{field}.end", definition.End, errors);
        if (start is null || end is null)
        {
            return false;
        }

        if (end <= start)
        {
            errors.Add(new($"{field}.end", "must be after start."));
            return false;
        }

        extra = new ExtraPeriod(start.Value, end.Value);
        return true;
    }

    private static DateTime? ReadLocalDateTime(string field, string? text, List<ValidationError> errors)
    {
        if (ShiftText.TryParseLocalDateTime(text, out var local))
        {
            return local;
        }

        errors.Add(new(field, $"must be a local date and time yyyy-MM-ddTHH:mm between {ShiftText.FormatDate(ShiftText.FirstDate)} and {ShiftText.FormatDate(ShiftText.LastDate)}."));
        return null;
    }

    private static bool ReadMember(string field, string member, List<ValidationError> errors, out string agentId)
    {
        agentId = member;
        if (Ids.IsWellFormed(member))
        {
            return true;
        }

        errors.Add(new(field, "is not a valid agent id."));
        return false;
    }

    /// <summary>Reads an optional list: null is empty; null items, repeats and too many items are errors.</summary>
    private static List<T> ReadList<TItem, T>(
        string field,
        IReadOnlyList<TItem?>? items,
        int max,
        List<ValidationError> errors,
        ItemReader<TItem, T> readItem)
        where TItem : class
    {
        var result = new List<T>();
        if (items is null)
        {
            return result;
        }

        if (items.Count > max)
        {
            errors.Add(new(field, $"must have at most {max} entries."));
            return result;
        }

        var seen = new HashSet<T>();
        for (var i = 0; i < items.Count; i++)
        {
            var itemField = $"{field}[{i}]";
            if (items[i] is not { } item)
            {
                errors.Add(new(itemField, "must not be null."));
            }
            else if (readItem(itemField, item, errors, out var value))
            {
                if (!seen.Add(value))
                {
                    errors.Add(new(itemField, "repeats an earlier entry."));
                }

                result.Add(value);
            }
        }

        return result;
    }
}
