namespace Omnichannel.Channels.Telegram;

/// <summary>
/// The <c>/start</c> command a deep link sends: <c>t.me/bot?start=PAYLOAD</c> opens the chat and sends <c>/start PAYLOAD</c>
/// (in a group, <c>/start@bot PAYLOAD</c>). The payload says where the contact came from (a campaign, a page, an order).
/// </summary>
public static class TelegramStartCommand
{
    /// <summary>Telegram allows up to 64 characters of <c>A-Z a-z 0-9 _ -</c> in a deep-link payload.</summary>
    public const int MaxPayloadLength = 64;

    /// <summary>
    /// The payload of a <c>/start</c> message, or null when the text is not one or carries none. Text a person typed after
    /// <c>/start</c> that no deep link could have produced is not a payload either, so junk never becomes a contact's source.
    /// </summary>
    public static string? Payload(string? text)
    {
        const string Command = "/start";
        if (text is null || !text.StartsWith(Command, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = text.AsSpan(Command.Length);
        if (rest.StartsWith("@"))
        {
            var end = 1;
            while (end < rest.Length && (char.IsAsciiLetterOrDigit(rest[end]) || rest[end] == '_'))
            {
                end++;
            }

            if (end == 1)
            {
                return null;
            }

            rest = rest[end..];
        }

        if (rest.IsEmpty || !char.IsWhiteSpace(rest[0]))
        {
            return null;
        }

        var payload = rest.Trim();
        return IsPayload(payload) ? payload.ToString() : null;
    }

    private static bool IsPayload(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value.Length > MaxPayloadLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '_' and not '-')
            {
                return false;
            }
        }

        return true;
    }
}
