using Omnichannel.Core.Model;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>
/// Where <see cref="EmailMessageMapper"/> puts the files of a message: the blob store in production, a list in tests.
/// The mapper stays free of I/O; it only decides what is an attachment and streams it here.
/// </summary>
public interface IAttachmentSink
{
    /// <summary>
    /// Stores one attachment and returns its metadata. <paramref name="content"/> is the decoded, forward-only content,
    /// already checked against <see cref="EmailMappingOptions.MaxAttachmentBytes"/>; read it to the end, do not dispose it.
    /// </summary>
    /// <param name="fileName">A plain file name (no directories), never empty.</param>
    /// <param name="contentType">Lower-case media type, e.g. <c>image/png</c>.</param>
    /// <param name="contentId">Content-ID without angle brackets for inline parts that HTML refers to as <c>cid:…</c>; otherwise null.</param>
    ValueTask<AttachmentInfo> SaveAsync(
        string fileName,
        string contentType,
        string? contentId,
        Stream content,
        CancellationToken cancellationToken);
}
