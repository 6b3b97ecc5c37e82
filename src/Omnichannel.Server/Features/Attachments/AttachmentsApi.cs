using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Omnichannel.Core.Access;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Auth;
using Omnichannel.Server.Features.Conversations;
using Omnichannel.Storage.Files;

namespace Omnichannel.Server.Features.Attachments;

/// <summary>
/// <c>GET /api/conversations/{id}/messages/{messageId}/attachments/{attachmentId}</c>: an attachment's bytes, for
/// whoever may see the conversation. Always a download (never rendered inline by the browser) with nosniff, so a
/// customer's file cannot run as a page of the inbox.
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

    /// <summary>
    /// <c>POST /api/conversations/{id}/attachments</c> (multipart, one <c>file</c>): stores a file for a reply the agent is
    /// writing in this conversation; send it with <c>attachmentIds</c> on the reply within a day.
    /// </summary>
    private static async Task<Results<Created<AttachmentDto>, NotFound, ForbidHttpResult>> UploadAsync(
        string id, IFormFile? file, HttpContext http, IConversationStore store, IBlobStore blobs, IUploadStore uploads, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(id) || await store.GetConversationAsync(id, ct) is not { } conversation)
        {
            return TypedResults.NotFound();
        }

        var agent = http.CurrentAgent()!;
        if (!AccessRule.CanSeeConversation(http.CurrentPrincipal(), conversation))
        {
            return TypedResults.Forbid();
        }

        if (file is null || file.Length == 0)
        {
            throw new RequestValidationException([new("file", "is required (multipart/form-data, field 'file').")]);
        }

        if (file.Length > MaxUploadBytes)
        {
            throw new RequestValidationException([new("file", $"is larger than {MaxUploadBytes / (1024 * 1024)} MB.")]);
        }

        var name = SafeFileName(file.FileName);
        var type = string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType.Split(';')[0].Trim().ToLowerInvariant();
        await using var content = file.OpenReadStream();
        StoredBlob blob;
        try
        {
            blob = await blobs.PutAsync(content, MaxUploadBytes, ct);
        }
        catch (BlobTooLargeException)
        {
            throw new RequestValidationException([new("file", $"is larger than {MaxUploadBytes / (1024 * 1024)} MB.")]);
        }

        var attachment = new AttachmentInfo(Ids.New(), name, type, blob.Size, blob.Key);
        await uploads.SaveAsync(id, agent.Id, attachment, UploadLifetime, ct);
        return TypedResults.Created($"/api/conversations/{id}/attachments/{attachment.Id}", new AttachmentDto(attachment.Id, name, type, blob.Size));
    }

    /// <summary>A plain file name: no directories, no control characters, at most 200 characters.</summary>
    public static string SafeFileName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        return name.Length == 0 ? "file" : name.Length > 200 ? name[..200] : name;
    }

    public static IServiceCollection AddBlobStore(this IServiceCollection services)
    {
        services.AddOptions<BlobOptions>().BindConfiguration(BlobOptions.Section)
            .Validate(options => options.IsValid, BlobOptions.Invalid).ValidateOnStart();
        services.AddSingleton<IBlobStore>(sp => new FileBlobStore(sp.GetRequiredService<IOptions<BlobOptions>>().Value.Directory, sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    private static async Task<Results<FileStreamHttpResult, NotFound, ForbidHttpResult>> DownloadAsync(
        string id, string messageId, string attachmentId, HttpContext http, IConversationStore store, IBlobStore blobs, CancellationToken ct)
    {
        if (!Ids.IsWellFormed(id) || !Ids.IsWellFormed(messageId) || await store.GetConversationAsync(id, ct) is not { } conversation)
        {
            return TypedResults.NotFound();
        }

        var principal = http.CurrentPrincipal();
        if (!AccessRule.CanSeeConversation(principal, conversation))
        {
            return TypedResults.Forbid();
        }

        if (await store.GetMessageAsync(messageId, ct) is not { } message || message.ConversationId != id
            || !AccessRule.CanSeeMessage(principal, conversation, message.IsPrivate)
            || message.Attachments.FirstOrDefault(a => a.Id == attachmentId) is not { } attachment
            || await blobs.OpenReadAsync(attachment.BlobKey, ct) is not { } content)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.File(content, "application/octet-stream", attachment.FileName, enableRangeProcessing: true);
    }
}
