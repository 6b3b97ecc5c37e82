using System.Security.Cryptography;
using System.Text;

namespace Omnichannel.Core.Incidents;

/// <summary>
/// The message ids an incident writes into its conversations, derived from what the write is so that doing it again
/// (a retried request, a request repeated after a crash half way) names the same message and the store keeps the one
/// it has (append_outbound.lua): each linked conversation gets an incident's reply, or its resolve note, once.
/// </summary>
public static class IncidentReplyIds
{
    /// <summary>The reply's own id when the caller gave none: the same text to the same incident is the same reply.</summary>
    public static string ForText(string text) => Hash("text", text);

    /// <summary>The message id of reply <paramref name="replyId"/> of the incident in one conversation.</summary>
    public static string Message(string incidentId, string replyId, string conversationId) =>
        Hash("reply", incidentId, replyId, conversationId);

    /// <summary>The message id of the incident's resolve note in one conversation (an incident resolves once).</summary>
    public static string ResolveNote(string incidentId, string conversationId) => Hash("resolve", incidentId, conversationId);

    // 32 hex digits, the shape of the ids the store makes (Ids.New), so every id rule holds for these too.
    private static string Hash(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..32];
}
