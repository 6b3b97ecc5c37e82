using Omnichannel.Channels.Email.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Channels.Email.Ingest;

/// <summary>Puts a mail's attachments in the blob store and remembers them, so they can be removed when the mail turns out to be stored already.</summary>
internal sealed class BlobAttachmentSink(IBlobStore blobs, long maxBytes) : IAttachmentSink
{
    public List<AttachmentInfo> Saved { get; } = [];

    public async ValueTask<AttachmentInfo> SaveAsync(string fileName, string contentType, string? contentId, Stream content, CancellationToken cancellationToken)
    {
        // The content is local: read synchronously (see LocalContentStream).
        var blob = await blobs.PutAsync(new LocalContentStream(content), maxBytes, cancellationToken);
        var info = new AttachmentInfo(Ids.New(), fileName, contentType, blob.Size, blob.Key);
        Saved.Add(info);
        return info;
    }

    public async Task DeleteAllAsync()
    {
        foreach (var info in Saved)
        {
            await blobs.DeleteAsync(info.BlobKey, CancellationToken.None);
        }
    }
}
