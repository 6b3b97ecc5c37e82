using MimeKit;
using Omnichannel.Core.Model;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>
/// Hands a message's files to the <see cref="IAttachmentSink"/>, one at a time and streamed, and leaves out those over
/// the size limit. Only the decoded size counts, and it is measured without holding the file in memory: decoding never
/// makes content larger, so a part whose encoded size is within the limit needs no measuring at all.
/// </summary>
internal sealed class AttachmentWriter(IAttachmentSink sink, long maxBytes)
{
    private const int MaxFileNameLength = 255;

    private static readonly char[] UnsafeFileNameChars = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

    private readonly Dictionary<string, string> _inline = new(StringComparer.Ordinal);

    public List<AttachmentInfo> Saved { get; } = [];

    public List<SkippedAttachment> Skipped { get; } = [];

    public IReadOnlyDictionary<string, string> Inline => _inline;

    public async Task WriteAsync(MimeEntity entity, CancellationToken cancellationToken)
    {
        switch (entity)
        {
            case MimePart part:
                await WritePartAsync(part, cancellationToken);
                break;
            case MessagePart { Message: { } attached } messagePart:
                await WriteMessageAsync(messagePart, attached, cancellationToken);
                break;
        }
    }

    private async Task WritePartAsync(MimePart part, CancellationToken cancellationToken)
    {
        var contentType = part.ContentType.MimeType.ToLowerInvariant();
        var fileName = FileName(part.FileName, contentType);
        var contentId = EmailExternalId.CleanMessageId(part.ContentId);

        if (part.Content is null)
        {
            await SaveAsync(fileName, contentType, contentId, Stream.Null, cancellationToken);
            return;
        }

        var encodedLength = part.Content.Stream is { CanSeek: true } encoded ? encoded.Length : -1;
        if (encodedLength < 0 || encodedLength > maxBytes)
        {
            long decoded;
            using (var measure = part.Content.Open())
            {
                decoded = Count(measure, cancellationToken);
            }

            if (decoded > maxBytes)
            {
                Skipped.Add(new SkippedAttachment(fileName, contentType, decoded));
                return;
            }
        }

        await using var content = part.Content.Open();
        await SaveAsync(fileName, contentType, contentId, content, cancellationToken);
    }

    private async Task WriteMessageAsync(MessagePart part, MimeMessage attached, CancellationToken cancellationToken)
    {
        const string ContentType = "message/rfc822";
        var fileName = FileName(part.ContentDisposition?.FileName, ContentType, attached.Subject);

        // Written to a temporary file, never to memory: an attached mail can be as large as the mail around it.
        var path = Path.Combine(Path.GetTempPath(), $"oc-attached-{Guid.NewGuid():N}.eml");
        await using var content = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81_920,
            FileOptions.DeleteOnClose);
        await attached.WriteToAsync(content, cancellationToken);
        if (content.Length > maxBytes)
        {
            Skipped.Add(new SkippedAttachment(fileName, ContentType, content.Length));
            return;
        }

        content.Position = 0;
        await SaveAsync(fileName, ContentType, contentId: null, content, cancellationToken);
    }

    private async Task SaveAsync(string fileName, string contentType, string? contentId, Stream content, CancellationToken cancellationToken)
    {
        var info = await sink.SaveAsync(fileName, contentType, contentId, content, cancellationToken);
        Saved.Add(info);
        if (contentId is not null)
        {
            _inline.TryAdd(contentId, info.Id);
        }
    }

    /// <summary>
    /// Decodes to nowhere, counting: the exact size for the note, at the cost of CPU but not memory. Synchronous on
    /// purpose: the content is local (memory, or the file the message was parsed from), and MimeKit's asynchronous
    /// decoding allocates on every read.
    /// </summary>
    private static long Count(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            total += read;
        }

        return total;
    }

    /// <summary>A plain file name: no directories (a name is never a path on our side), no characters Windows refuses, never empty.</summary>
    internal static string FileName(string? raw, string contentType, string? fallbackStem = null)
    {
        if (Clean(raw) is { } name)
        {
            return name;
        }

        var extension = contentType == "message/rfc822" ? ".eml"
            : MimeTypes.TryGetExtension(contentType, out var known) ? known : ".bin";
        var stem = Clean(fallbackStem) ?? (contentType.StartsWith("image/", StringComparison.Ordinal) ? "image" : "attachment");
        return stem[..Math.Min(stem.Length, MaxFileNameLength - extension.Length)] + extension;
    }

    private static string? Clean(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var name = raw[(raw.LastIndexOfAny(['/', '\\']) + 1)..];
        foreach (var c in UnsafeFileNameChars)
        {
            name = name.Replace(c, '_');
        }

        name = InboundText.CleanSingleLine(name, MaxFileNameLength)?.Trim('.', ' ');
        return string.IsNullOrEmpty(name) ? null : name;
    }
}
