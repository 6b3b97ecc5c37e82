using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Server.Auth;
using Omnichannel.Server.Features.Conversations;

namespace Omnichannel.Server.Features.Attachments;

/// <summary>
/// Attachments' routes (<see cref="UploadAttachment"/>, <see cref="DownloadAttachment"/>). A download is never
/// rendered inline by the browser (an attachment, with nosniff), so a customer's file cannot run as a page of the inbox.
/// </summary>
public static class AttachmentsApi
{
    public const long MaxUploadBytes = 20 * 1024 * 1024;
    public const int MaxFilesPerReply = 10;
    public static readonly TimeSpan UploadLifetime = TimeSpan.FromDays(1);

    public static RouteGroupBuilder MapAttachmentsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/{id}/messages/{messageId}/attachments/{attachmentId}", DownloadAsync).RequireAuthorization(InboxPolicies.ReadConversations);
        group.MapPost("/{id}/attachments", UploadAsync).RequireAuthorization(InboxPolicies.Agent).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxUploadBytes + (64 * 1024)));
        return group;
    }

    private static async Task<Results<Created<AttachmentDto>, NotFound, ForbidHttpResult>> UploadAsync(
        string id, IFormFile? file, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var outcome = await mediator.Send(new UploadAttachment(id, file, http.CurrentPrincipal()!), ct);
        return outcome.Refusal switch
        {
            Refusal.None => TypedResults.Created($"/api/conversations/{id}/attachments/{outcome.Value!.Id}", outcome.Value),
            Refusal.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };
    }

    /// <summary>A plain file name: no directories, no control characters, at most 200 characters.</summary>
    public static string SafeFileName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        return name.Length == 0 ? "file" : name.Length > 200 ? name[..200] : name;
    }

    private static async Task<Results<FileStreamHttpResult, NotFound, ForbidHttpResult>> DownloadAsync(
        string id, string messageId, string attachmentId, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var outcome = await mediator.Send(new DownloadAttachment(id, messageId, attachmentId, http.CurrentPrincipal()), ct);
        switch (outcome.Refusal)
        {
            case Refusal.Forbidden: return TypedResults.Forbid();
            case not Refusal.None: return TypedResults.NotFound();
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.File(outcome.Value!.Content, "application/octet-stream", outcome.Value.FileName, enableRangeProcessing: true);
    }
}
