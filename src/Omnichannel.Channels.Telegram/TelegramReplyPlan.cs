using Omnichannel.Core.Model;

namespace Omnichannel.Channels.Telegram;

/// <summary>
/// How one agent reply goes out as Telegram messages. One file and a text that fits a caption: the file with the text
/// as its caption. Otherwise the text (split at 4096 on word boundaries), then each file. Images Telegram shows as
/// photos (JPEG, PNG, WebP up to 10 MB) go with <c>sendPhoto</c>, everything else with <c>sendDocument</c>; both upload
/// the bytes from the blob store, never a URL Telegram would have to fetch.
/// </summary>
public static class TelegramReplyPlan
{
    /// <summary>Largest photo <c>sendPhoto</c> takes.</summary>
    public const long MaxPhotoBytes = 10 * 1024 * 1024;

    public static IReadOnlyList<TelegramReplyPart> For(string text, IReadOnlyList<AttachmentInfo> attachments)
    {
        if (attachments.Count == 1 && !string.IsNullOrWhiteSpace(text) && text.Length <= TelegramTextSplitter.MaxCaptionLength)
        {
            return [new TelegramReplyPart(text, attachments[0], IsPhoto(attachments[0]))];
        }

        return
        [
            .. TelegramTextSplitter.Split(text).Select(chunk => new TelegramReplyPart(chunk, null, false)),
            .. attachments.Select(a => new TelegramReplyPart(null, a, IsPhoto(a))),
        ];
    }

    public static bool IsPhoto(AttachmentInfo attachment) =>
        attachment.Size <= MaxPhotoBytes
        && attachment.ContentType.ToLowerInvariant() is "image/jpeg" or "image/jpg" or "image/png" or "image/webp";
}
