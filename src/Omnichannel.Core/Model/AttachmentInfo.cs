namespace Omnichannel.Core.Model;

/// <summary>Metadata of a file kept in the blob store; the bytes never live in Redis.</summary>
public sealed record AttachmentInfo(string Id, string FileName, string ContentType, long Size, string BlobKey);
