namespace Omnichannel.Core.Assignment;

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
