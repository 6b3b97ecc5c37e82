using Omnichannel.Channels.Email.Inbound;
using Omnichannel.Core.Model;

namespace Omnichannel.Channels.Tests.Email;

/// <summary>An attachment sink that keeps what it was given, so tests can look at names, types, ids and bytes.</summary>
internal sealed class RecordingAttachmentSink : IAttachmentSink
{
    public List<SavedAttachment> Saved { get; } = [];

    public async ValueTask<AttachmentInfo> SaveAsync(
        string fileName,
        string contentType,
        string? contentId,
        Stream content,
        CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        var id = $"att-{Saved.Count + 1}";
        Saved.Add(new SavedAttachment(fileName, contentType, contentId, copy.ToArray()));
        return new AttachmentInfo(id, fileName, contentType, copy.Length, $"blobs/{id}");
    }
}

internal sealed record SavedAttachment(string FileName, string ContentType, string? ContentId, byte[] Bytes);
