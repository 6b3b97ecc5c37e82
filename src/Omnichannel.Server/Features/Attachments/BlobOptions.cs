namespace Omnichannel.Server.Features.Attachments;

/// <summary><c>Omnichannel:Blobs</c>: where attachment bytes are kept.</summary>
public sealed class BlobOptions
{
    public const string Section = "Omnichannel:Blobs";

    /// <summary>A directory, relative to the working directory; several nodes share it as a volume.</summary>
    public string Directory { get; set; } = "./data/blobs";
}
