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

public static class QueuePolicyText
{
    public static string ToText(QueuePolicy value) => value == QueuePolicy.Balanced ? "balanced" : "round-robin";

    public static bool TryParse(string? text, out QueuePolicy value)
    {
        (var ok, value) = text switch
        {
            "round-robin" => (true, QueuePolicy.RoundRobin),
            "balanced" => (true, QueuePolicy.Balanced),
            _ => (false, QueuePolicy.RoundRobin),
        };
        return ok;
    }
}

public static class HandoverPolicyText
{
    public static string ToText(HandoverPolicy value) => value switch
    {
        HandoverPolicy.Keep => "keep",
        HandoverPolicy.Requeue => "requeue",
        _ => "requeue-when-offline",
    };

    public static bool TryParse(string? text, out HandoverPolicy value)
    {
        (var ok, value) = text switch
        {
            "keep" => (true, HandoverPolicy.Keep),
            "requeue-when-offline" => (true, HandoverPolicy.RequeueWhenOffline),
            "requeue" => (true, HandoverPolicy.Requeue),
            _ => (false, HandoverPolicy.RequeueWhenOffline),
        };
        return ok;
    }
}

public static class IneligibilityText
{
    private static readonly (Ineligibility Value, string Text)[] Names =
    [
        (Ineligibility.None, "none"),
        (Ineligibility.NotQueueMember, "not-queue-member"),
        (Ineligibility.OffShift, "off-shift"),
        (Ineligibility.Busy, "busy"),
        (Ineligibility.Offline, "offline"),
        (Ineligibility.NotPresent, "not-present"),
        (Ineligibility.Paused, "paused"),
        (Ineligibility.AtCapacity, "at-capacity"),
    ];

    public static string ToText(Ineligibility value) => Names.First(n => n.Value == value).Text;

    public static Ineligibility Parse(string text) =>
        Names.FirstOrDefault(n => n.Text == text) is { Text: not null } found ? found.Value : throw new FormatException($"Unknown ineligibility '{text}'.");
}
