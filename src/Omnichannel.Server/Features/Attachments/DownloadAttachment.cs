using Mediator;
using Omnichannel.Core.Access;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Attachments;

/// <summary>
/// <c>GET /api/conversations/{id}/messages/{messageId}/attachments/{attachmentId}</c>: an attachment's bytes, for
/// whoever may see the conversation and the message (never a private note's file to an integration).
/// </summary>
public sealed record DownloadAttachment(string ConversationId, string MessageId, string AttachmentId, Principal? Principal)
    : IRequest<Outcome<AttachmentContent>>;

/// <summary>An open attachment: the caller sends it and disposes of it.</summary>
public sealed record AttachmentContent(Stream Content, string FileName);

public sealed class DownloadAttachmentHandler(IConversationStore store, IBlobStore blobs)
    : IRequestHandler<DownloadAttachment, Outcome<AttachmentContent>>
{
    public async ValueTask<Outcome<AttachmentContent>> Handle(DownloadAttachment request, CancellationToken cancellationToken)
    {
        var (id, messageId) = (request.ConversationId, request.MessageId);
        if (!Ids.IsWellFormed(id) || !Ids.IsWellFormed(messageId) || await store.GetConversationAsync(id, cancellationToken) is not { } conversation)
        {
            return Outcome<AttachmentContent>.NotFound;
        }

        var principal = request.Principal;
        if (!AccessRule.CanSeeConversation(principal, conversation))
        {
            return Outcome<AttachmentContent>.Forbidden;
        }

        if (await store.GetMessageAsync(messageId, cancellationToken) is not { } message || message.ConversationId != id
            || !AccessRule.CanSeeMessage(principal, conversation, message.IsPrivate)
            || message.Attachments.FirstOrDefault(a => a.Id == request.AttachmentId) is not { } attachment
            || await blobs.OpenReadAsync(attachment.BlobKey, cancellationToken) is not { } content)
        {
            return Outcome<AttachmentContent>.NotFound;
        }

        return Outcome<AttachmentContent>.Found(new AttachmentContent(content, attachment.FileName));
    }
}
