using System.Text.RegularExpressions;

namespace Omnichannel.Channels.Email.Outbound;

/// <summary>
/// The Message-IDs of our replies: <c>oc.{conversation id}.{message id}@{domain of the From address}</c>. They carry the
/// conversation, so a customer's answer threads even when the mail client drops References, a bounce names the reply
/// that failed, and our own reply seen again in the mailbox is recognized. The same reply always gets the same id, so a
/// resend after a crash is the same message to every mail client.
/// </summary>
public static partial class OurMessageIds
{
    public static string For(string conversationId, string messageId, string fromAddress)
    {
        var at = fromAddress.LastIndexOf('@');
        var domain = at >= 0 && at < fromAddress.Length - 1 ? fromAddress[(at + 1)..].Trim().ToLowerInvariant() : "omnichannel.invalid";
        return $"oc.{conversationId}.{messageId}@{domain}";
    }

    /// <summary>The conversation and message of one of our Message-IDs (without angle brackets); false for anyone else's.</summary>
    public static bool TryParse(string? messageId, out string conversationId, out string outboundMessageId)
    {
        var match = messageId is null ? Match.Empty : Pattern().Match(messageId);
        conversationId = match.Success ? match.Groups[1].Value : "";
        outboundMessageId = match.Success ? match.Groups[2].Value : "";
        return match.Success;
    }

    [GeneratedRegex("^oc\\.([0-9a-f]{32})\\.([0-9a-f]{32})@", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
