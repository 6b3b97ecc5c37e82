namespace Omnichannel.Core.Model;

public static class ConversationStatusText
{
    public static string ToText(this ConversationStatus status) => status switch
    {
        ConversationStatus.Open => "open",
        ConversationStatus.Pending => "pending",
        ConversationStatus.Snoozed => "snoozed",
        ConversationStatus.Resolved => "resolved",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParse(string? text, out ConversationStatus status)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "open": status = ConversationStatus.Open; return true;
            case "pending": status = ConversationStatus.Pending; return true;
            case "snoozed": status = ConversationStatus.Snoozed; return true;
            case "resolved": status = ConversationStatus.Resolved; return true;
            default: status = default; return false;
        }
    }

    public static ConversationStatus Parse(string text) =>
        TryParse(text, out var status) ? status : throw new FormatException($"Unknown conversation status '{text}'.");

    public static IReadOnlyList<ConversationStatus> All { get; } =
        [ConversationStatus.Open, ConversationStatus.Pending, ConversationStatus.Snoozed, ConversationStatus.Resolved];
}
