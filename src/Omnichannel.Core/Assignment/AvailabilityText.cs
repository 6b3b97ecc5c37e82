namespace Omnichannel.Core.Assignment;

/// <summary>The words the API and the store use for the assignment enums (kebab case: <c>requeue-when-offline</c>).</summary>
public static class AvailabilityText
{
    public static string ToText(Availability value) => value switch
    {
        Availability.Online => "online",
        Availability.Busy => "busy",
        Availability.Offline => "offline",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static bool TryParse(string? text, out Availability value)
    {
        (var ok, value) = text switch
        {
            "online" => (true, Availability.Online),
            "busy" => (true, Availability.Busy),
            "offline" => (true, Availability.Offline),
            _ => (false, Availability.Offline),
        };
        return ok;
    }

    /// <summary>Unknown text reads as offline: an agent nobody set is not available.</summary>
    public static Availability Parse(string text) => TryParse(text, out var value) ? value : Availability.Offline;
}
