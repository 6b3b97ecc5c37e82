using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Omnichannel.Core.Blobs;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Server.Auth;
using Omnichannel.Server.Features.Conversations;

namespace Omnichannel.Server.Features.Attachments;

/// <summary>
/// <c>GET /api/conversations/{id}/messages/{messageId}/attachments/{attachmentId}</c>: an attachment's bytes, for
/// whoever may see the conversation. Always a download (never rendered inline by the browser) with nosniff, so a
/// customer's file cannot run as a page of the inbox.
/// </summary>
public static class AttachmentsApi
{
    public static RouteGroupBuilder MapAttachmentsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/{id}/messages/{messageId}/attachments/{attachmentId}", DownloadAsync).RequireAuthorization(InboxPolicies.ReadConversations);
        return group;
    }

    public static IServiceCollection AddBlobStore(this IServiceCollection services)
    {
        services.AddOptions<BlobOptions>().BindConfiguration(BlobOptions.Section);
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

        var viewer = ConversationViewer.From(http);
        if (!viewer.CanSee(conversation))
        {
            return TypedResults.Forbid();
        }

        if (await store.GetMessageAsync(messageId, ct) is not { } message || message.ConversationId != id
            || (message.IsPrivate && viewer.Agent is null)
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
