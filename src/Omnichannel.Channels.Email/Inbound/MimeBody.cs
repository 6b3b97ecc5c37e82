using MimeKit;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>The parts of a message sorted by role: body text, body HTML, files, and the delivery report of a bounce.</summary>
internal sealed class MimeBody
{
    public List<TextPart> PlainParts { get; } = [];

    public List<TextPart> HtmlParts { get; } = [];

    /// <summary>Files, inline images and attached messages, in the order they appear.</summary>
    public List<MimeEntity> Attachments { get; } = [];

    /// <summary>The outermost <c>multipart/report</c> (a bounce or a read receipt), if any.</summary>
    public MultipartReport? Report { get; set; }

    public bool HasText => PlainParts.Count > 0 || HtmlParts.Count > 0;
}
