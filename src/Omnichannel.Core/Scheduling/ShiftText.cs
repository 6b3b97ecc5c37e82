using System.Globalization;

namespace Omnichannel.Core.Scheduling;

/// <summary>The text forms of the shift contract: day names, <c>HH:mm</c> times, ISO dates and local date-times.</summary>
internal static class ShiftText
{
    public static readonly IReadOnlyList<DayOfWeek> WeekOrder =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    private const string DateFormat = "yyyy-MM-dd";
    private const string LocalDateTimeFormat = "yyyy-MM-dd'T'HH:mm";

    /// <summary>Exceptions and extra periods must fall in this range; it keeps zone arithmetic far from the calendar's limits.</summary>
    public static readonly DateOnly FirstDate = new(2000, 1, 1);

    public static readonly DateOnly LastDate = new(2199, 12, 31);

    public static string FormatDay(DayOfWeek day) => DayNames[(int)day];

    /// <summary>Accepts <c>Mon</c> … <c>Sun</c>, in any letter case.</summary>
    public static bool TryParseDay(string? text, out DayOfWeek day)
    {
        var index = Array.FindIndex(DayNames, name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase));
        day = (DayOfWeek)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>A time of day as exactly <c>HH:mm</c>; <c>24:00</c> only when <paramref name="allowEndOfDay"/>.</summary>
    public static bool TryParseTime(string? text, bool allowEndOfDay, out TimeSpan time)
    {
        time = default;
        if (text is not { Length: 5 } || text[2] != ':' || !IsDigits(text, 0, 2) || !IsDigits(text, 3, 2))
        {
            return false;
        }

        var hours = int.Parse(text.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var minutes = int.Parse(text.AsSpan(3, 2), CultureInfo.InvariantCulture);
        var valid = (hours < 24 && minutes < 60) || (allowEndOfDay && hours == 24 && minutes == 0);
        time = valid ? new TimeSpan(hours, minutes, 0) : default;
        return valid;
    }

    public static string FormatTime(TimeSpan time) =>
        $"{(int)time.TotalHours:00}:{time.Minutes:00}";

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date >= FirstDate && date <= LastDate;

    public static string FormatDate(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>A local date and time as <c>yyyy-MM-ddTHH:mm</c>, with no offset: the shift's zone gives it meaning.</summary>
    public static bool TryParseLocalDateTime(string? text, out DateTime local)
    {
        var parsed = DateTime.TryParseExact(text, LocalDateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out local);
        var date = DateOnly.FromDateTime(local);
        return parsed && date >= FirstDate && date <= LastDate;
    }

    public static string FormatLocalDateTime(DateTime local) => local.ToString(LocalDateTimeFormat, CultureInfo.InvariantCulture);

    private static bool IsDigits(string text, int start, int length) =>
        text.Skip(start).Take(length).All(char.IsAsciiDigit);
}
