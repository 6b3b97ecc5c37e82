using Omnichannel.Core.Model;

namespace Omnichannel.Channels.Telegram;

/// <summary>One Telegram message of a reply: a text, or a file with an optional caption (<see cref="Text"/>).</summary>
public sealed record TelegramReplyPart(string? Text, AttachmentInfo? File, bool AsPhoto);
