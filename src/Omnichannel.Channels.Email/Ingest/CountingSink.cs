namespace Omnichannel.Channels.Email.Ingest;

/// <summary>
/// Keeps nothing of what is written and reads as empty, but its <see cref="Length"/> is how much was written: where an
/// over-long IMAP literal goes, so its size can be reported without holding it.
/// </summary>
internal sealed class CountingSink : Stream
{
    private long _length;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position { get; set; }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => 0;

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => Position + offset,
        _ => _length + offset,
    };

    public override void SetLength(long value) => _length = value;

    public override void Write(byte[] buffer, int offset, int count) => _length += count;
}
