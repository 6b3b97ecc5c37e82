using Omnichannel.Core.Model;
using Omnichannel.Server.Features.Conversations;

namespace Omnichannel.Server.Channels.WebChat;

internal static class WebChatMessages
{
    /// <summary>Text only: nothing a visitor or agent wrote is ever handed to the widget as HTML.</summary>
    public static VisitorMessage ToVisitor(Message m, string? clientId) => new(
        m.Id, m.Sequence, m.Direction == MessageDirection.In ? "in" : "out", m.Text,
        m.Direction == MessageDirection.Out ? m.AuthorName : null, m.CreatedAt, clientId ?? ClientIdOf(m),
        [.. m.Attachments.Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size))]);

    // Visitor messages carry "visitorId:clientId" as their external id; the widget matches its pending sends by it.
    private static string? ClientIdOf(Message m) =>
        m.Direction == MessageDirection.In && m.ExternalId is { } external && external.IndexOf(':') is var i and > 0 ? external[(i + 1)..] : null;
}
