namespace Omnichannel.Core.Ports;

/// <summary>
/// Where attachment bytes live (file system by default; Redis holds only their metadata). Keys are opaque, URL-safe
/// strings the store chooses; callers keep them in <see cref="Model.AttachmentInfo.BlobKey"/>.
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Copies <paramref name="content"/> to a new blob. Nothing is kept when it is longer than
    /// <paramref name="maxBytes"/>: <see cref="BlobTooLargeException"/> is thrown instead.
    /// </summary>
    Task<StoredBlob> PutAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default);

    /// <summary>The blob's bytes, or null when there is no such blob (or the key is not one this store makes).</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Removes the blob; false when there was none.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default);
}
