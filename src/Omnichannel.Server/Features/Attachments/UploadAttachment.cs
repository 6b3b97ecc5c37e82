using Mediator;
using Omnichannel.Core.Access;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Features.Conversations;

namespace Omnichannel.Server.Features.Attachments;

/// <summary>
/// <c>POST /api/conversations/{id}/attachments</c> (multipart, one <c>file</c>): stores a file for a reply the agent is
/// writing in this conversation; send it with <c>attachmentIds</c> on the reply within a day. An unknown conversation
/// is a 404 and one the agent may not see a 403 before the file is judged.
/// </summary>
public sealed record UploadAttachment(string ConversationId, IFormFile? File, Principal Principal) : IRequest<Outcome<AttachmentDto>>;

public sealed class UploadAttachmentValidator(IConversationStore store) : IRequestValidator<UploadAttachment>
{
    public async ValueTask<IReadOnlyList<ValidationError>> ValidateAsync(UploadAttachment request, CancellationToken cancellationToken)
    {
        if (!Ids.IsWellFormed(request.ConversationId)
            || await store.GetConversationAsync(request.ConversationId, cancellationToken) is not { } conversation
            || !AccessRule.CanSeeConversation(request.Principal, conversation))
        {
            return [];
        }

        if (request.File is null || request.File.Length == 0)
        {
            return [new("file", "is required (multipart/form-data, field 'file').")];
        }

        return request.File.Length > AttachmentsApi.MaxUploadBytes ? [UploadAttachmentHandler.TooLarge] : [];
    }
}

public sealed class UploadAttachmentHandler(IConversationStore store, IBlobStore blobs, IUploadStore uploads)
    : IRequestHandler<UploadAttachment, Outcome<AttachmentDto>>
{
    internal static readonly ValidationError TooLarge = new("file", $"is larger than {AttachmentsApi.MaxUploadBytes / (1024 * 1024)} MB.");

    public async ValueTask<Outcome<AttachmentDto>> Handle(UploadAttachment request, CancellationToken cancellationToken)
    {
        var id = request.ConversationId;
        if (!Ids.IsWellFormed(id) || await store.GetConversationAsync(id, cancellationToken) is not { } conversation)
        {
            return Outcome<AttachmentDto>.NotFound;
        }

        if (!AccessRule.CanSeeConversation(request.Principal, conversation))
        {
            return Outcome<AttachmentDto>.Forbidden;
        }

        var file = request.File!;
        var name = AttachmentsApi.SafeFileName(file.FileName);
        var type = string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType.Split(';')[0].Trim().ToLowerInvariant();
        await using var content = file.OpenReadStream();
        StoredBlob blob;
        try
        {
            blob = await blobs.PutAsync(content, AttachmentsApi.MaxUploadBytes, cancellationToken);
        }
        catch (BlobTooLargeException)
        {
            // Only the write can tell when the declared length understated the body.
            throw new RequestValidationException([TooLarge]);
        }

        var attachment = new AttachmentInfo(Ids.New(), name, type, blob.Size, blob.Key);
        await uploads.SaveAsync(id, request.Principal.Id, attachment, AttachmentsApi.UploadLifetime, cancellationToken);
        return Outcome<AttachmentDto>.Found(new AttachmentDto(attachment.Id, name, type, blob.Size));
    }
}
