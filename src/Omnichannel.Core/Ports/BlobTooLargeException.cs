namespace Omnichannel.Core.Ports;

public sealed class BlobTooLargeException(long maxBytes)
    : Exception($"The content is larger than the limit of {maxBytes} bytes; nothing was stored.")
{
    public long MaxBytes { get; } = maxBytes;
}
