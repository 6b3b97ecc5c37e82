using Omnichannel.Core.Model;

namespace Omnichannel.Channels.Telegram;

/// <summary>The files kept, and a note for each one left out.</summary>
public sealed record DownloadedMedia(IReadOnlyList<AttachmentInfo> Attachments, IReadOnlyList<string> Notes);
