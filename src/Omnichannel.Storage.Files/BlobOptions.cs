namespace Omnichannel.Storage.Files;

/// <summary><c>Omnichannel:Blobs</c>: where attachment bytes are kept.</summary>
public sealed class BlobOptions
{
    public const string Section = "Omnichannel:Blobs";

    public const string Invalid =
        "Omnichannel:Blobs:Directory must name a directory: not empty, and without characters a path cannot hold.";

    /// <summary>A directory, relative to the working directory; several nodes share it as a volume.</summary>
    public string Directory { get; set; } = "./data/blobs";

    /// <summary>
    /// Checked at start: an empty directory would put blobs in the working directory, and a path the file system
    /// refuses would only fail at the first upload.
    /// </summary>
    internal bool IsValid =>
        !string.IsNullOrWhiteSpace(Directory) && Directory.IndexOfAny(Path.GetInvalidPathChars()) < 0;
}
