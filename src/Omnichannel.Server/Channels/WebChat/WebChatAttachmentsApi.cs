using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Features.Attachments;
using Omnichannel.Server.Features.Conversations;

namespace Omnichannel.Server.Channels.WebChat;

/// <summary>
/// Visitors' files (header <c>X-Visitor-Token</c>, origin checked, in the widget group's per-address limit):
/// <c>POST /api/webchat/attachments</c> stages an image or PDF for the visitor's next <c>SendWithFiles</c>;
/// <c>GET /api/webchat/attachments/{messageId}/{attachmentId}</c> downloads a file of the visitor's own conversation.
/// </summary>
public static class WebChatAttachmentsApi
{
    public const string TokenHeader = "X-Visitor-Token";
    public const long MaxUploadBytes = 10 * 1024 * 1024;
    public const int MaxFilesPerMessage = 5;

    /// <summary>Staged visitor uploads are bound to the visitor (not a conversation: the first message creates it).</summary>
    public const string UploaderId = "visitor";

    public static RouteGroupBuilder MapWebChatAttachmentsApi(this RouteGroupBuilder group)
    {
        group.MapPost("/attachments", UploadAsync).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxUploadBytes + (64 * 1024)));
        group.MapGet("/attachments/{messageId}/{attachmentId}", DownloadAsync);
        return group;
    }

    private static async Task<Results<Created<AttachmentDto>, UnauthorizedHttpResult, ProblemHttpResult>> UploadAsync(
        IFormFile? file, HttpRequest request, VisitorTokens tokens, WebChatGate gate, IBlobStore blobs, IUploadStore uploads, CancellationToken ct)
    {
        if (await VisitorOfAsync(request, tokens, gate, ct) is not { } visitor)
        {
            return TypedResults.Unauthorized();
        }

        if (visitor.Origin is not null)
        {
            return visitor.Origin;
        }

        if (file is null || file.Length == 0)
        {
            throw new RequestValidationException([new("file", "is required (multipart/form-data, field 'file').")]);
        }

        if (file.Length > MaxUploadBytes)
        {
            throw new RequestValidationException([new("file", $"is larger than {MaxUploadBytes / (1024 * 1024)} MB.")]);
        }

        var declared = (file.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        await using var content = file.OpenReadStream();
        var header = new byte[FileSignatures.HeaderLength];
        var read = await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        var detected = FileSignatures.Detect(header.AsSpan(0, read));
        if (detected is null || detected != declared)
        {
            throw new RequestValidationException([new("file", $"must be one of {string.Join(", ", FileSignatures.AllowedTypes)} (checked by its content).")]);
        }

        content.Position = 0;
        StoredBlob blob;
        try
        {
            blob = await blobs.PutAsync(content, MaxUploadBytes, ct);
        }
        catch (BlobTooLargeException)
        {
            throw new RequestValidationException([new("file", $"is larger than {MaxUploadBytes / (1024 * 1024)} MB.")]);
        }

        var name = AttachmentsApi.SafeFileName(file.FileName);
        var attachment = new AttachmentInfo(Ids.New(), name, detected, blob.Size, blob.Key);
        await uploads.SaveAsync(visitor.Visitor.Identity, UploaderId, attachment, AttachmentsApi.UploadLifetime, ct);
        return TypedResults.Created($"/api/webchat/attachments/{attachment.Id}", new AttachmentDto(attachment.Id, name, detected, blob.Size));
    }

    private static async Task<Results<FileStreamHttpResult, UnauthorizedHttpResult, NotFound, ProblemHttpResult>> DownloadAsync(
        string messageId, string attachmentId, HttpContext http, VisitorTokens tokens, WebChatGate gate, IConversationStore store, IBlobStore blobs, CancellationToken ct)
    {
        if (await VisitorOfAsync(http.Request, tokens, gate, ct) is not { } visitor)
        {
            return TypedResults.Unauthorized();
        }

        if (visitor.Origin is not null)
        {
            return visitor.Origin;
        }

        // The token names one conversation; a message anywhere else is as good as missing.
        if (!Ids.IsWellFormed(messageId)
            || await store.FindThreadConversationAsync(ChannelNames.WebChat, visitor.Visitor.Site, visitor.Visitor.ThreadKey, ct) is not { } conversationId
            || await store.GetMessageAsync(messageId, ct) is not { } message || message.ConversationId != conversationId || message.IsPrivate
            || message.Attachments.FirstOrDefault(a => a.Id == attachmentId) is not { } attachment
            || await blobs.OpenReadAsync(attachment.BlobKey, ct) is not { } content)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.File(content, "application/octet-stream", attachment.FileName, enableRangeProcessing: true);
    }

    private sealed record TokenVisitor(Visitor Visitor, ProblemHttpResult? Origin);

    private static async Task<TokenVisitor?> VisitorOfAsync(HttpRequest request, VisitorTokens tokens, WebChatGate gate, CancellationToken ct)
    {
        if (!tokens.TryRead(request.Headers[TokenHeader], out var visitor) || await gate.SiteAsync(visitor.Site, ct) is not { } site)
        {
            return null;
        }

        return new TokenVisitor(visitor, WebChatGate.OriginAllowed(request, site)
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This page's origin may not use this site's chat."));
    }
}
