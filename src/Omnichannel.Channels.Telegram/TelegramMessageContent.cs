using System.Globalization;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using TelegramMessage = Telegram.Bot.Types.Message;

namespace Omnichannel.Channels.Telegram;

/// <summary>
/// Reads the content of a message. Labels stand in for the text of media-only messages, so a photo with no caption
/// still opens a conversation the agent can read; the files themselves arrive later as attachments.
/// </summary>
internal static class TelegramMessageContent
{
    public static MessageContent? Read(TelegramMessage message) => message.Type switch
    {
        MessageType.Text => MessageContent.PlainText,
        MessageType.Photo => Photo("[photo]", message.Photo),
        MessageType.LivePhoto => Photo("[live photo]", message.LivePhoto?.Photo),
        MessageType.Document when message.Document is { } d => new(
            Label("document", CleanFileName(d.FileName)),
            [File(TelegramMediaKind.Document, d.FileId, d.FileUniqueId, d.FileSize, d.FileName, d.MimeType, "document", "application/octet-stream")]),
        MessageType.Voice when message.Voice is { } v => new(
            Label("voice message", Duration(v.Duration)),
            [File(TelegramMediaKind.Voice, v.FileId, v.FileUniqueId, v.FileSize, null, v.MimeType, "voice", "audio/ogg")]),
        MessageType.Video when message.Video is { } v => new(
            Label("video", Duration(v.Duration)),
            [File(TelegramMediaKind.Video, v.FileId, v.FileUniqueId, v.FileSize, v.FileName, v.MimeType, "video", "video/mp4")]),
        MessageType.VideoNote when message.VideoNote is { } v => new(
            Label("video message", Duration(v.Duration)),
            [File(TelegramMediaKind.VideoNote, v.FileId, v.FileUniqueId, v.FileSize, null, null, "video_note", "video/mp4")]),
        MessageType.Audio when message.Audio is { } a => new(
            Label("audio", AudioTitle(a), Duration(a.Duration)),
            [File(TelegramMediaKind.Audio, a.FileId, a.FileUniqueId, a.FileSize, a.FileName, a.MimeType, "audio", "audio/mpeg")]),
        // Telegram turns GIFs into silent MP4s; the message also carries them as a document, which is the same file.
        MessageType.Animation when message.Animation is { } a => new(
            "[GIF]",
            [File(TelegramMediaKind.Animation, a.FileId, a.FileUniqueId, a.FileSize, a.FileName, a.MimeType, "animation", "video/mp4")]),
        MessageType.Sticker when message.Sticker is { } s => Sticker(s),
        MessageType.Location when message.Location is { } l => new(
            Label(l.LivePeriod is > 0 ? "live location" : "location", Coordinates(l)), []),
        MessageType.Venue when message.Venue is { } v => new(
            Label("venue", Join(", ", v.Title, v.Address), Coordinates(v.Location)), []),
        MessageType.Contact when message.Contact is { } c => new(
            Label("contact:", Join(" ", c.FirstName, c.LastName), c.PhoneNumber), []),
        MessageType.Poll when message.Poll is { } p => new(Label("poll:", p.Question), []),
        MessageType.Dice when message.Dice is { } d => new(Label("dice", d.Emoji, d.Value.ToString(CultureInfo.InvariantCulture)), []),
        MessageType.Game => new(Label("game", message.Game?.Title), []),
        MessageType.Invoice => new(Label("invoice", message.Invoice?.Title), []),
        MessageType.Checklist => new(Label("checklist:", message.Checklist?.Title), []),
        MessageType.Story => new("[story]", []),
        MessageType.PaidMedia => new("[paid media]", []),
        MessageType.Giveaway => new("[giveaway]", []),
        MessageType.GiveawayWinners => new("[giveaway winners]", []),
        MessageType.RichMessage => new("[rich message]", []),
        _ => null,
    };

    private static MessageContent Photo(string label, PhotoSize[]? sizes)
    {
        // Telegram sends every photo in several sizes; the agent wants the largest.
        var largest = sizes?
            .OrderBy(p => (long)p.Width * p.Height)
            .ThenBy(p => p.FileSize ?? 0)
            .LastOrDefault();
        return largest is null
            ? new(label, [])
            : new(label, [File(TelegramMediaKind.Photo, largest.FileId, largest.FileUniqueId, largest.FileSize, null, "image/jpeg", "photo", "image/jpeg")]);
    }

    private static MessageContent Sticker(Sticker sticker)
    {
        var label = Label("sticker", sticker.Emoji);

        // Static stickers are WEBP images and video stickers WEBM clips, both shown by browsers. Animated ones are
        // Lottie (.tgs) files that nothing in the inbox can play, so they stay a label.
        if (sticker.IsAnimated)
        {
            return new(label, []);
        }

        var (stem, contentType) = sticker.IsVideo ? ("sticker_video", "video/webm") : ("sticker", "image/webp");
        return new(label, [File(TelegramMediaKind.Sticker, sticker.FileId, sticker.FileUniqueId, sticker.FileSize, null, contentType, stem, contentType)]);
    }

    private static TelegramMediaFile File(
        TelegramMediaKind kind, string fileId, string fileUniqueId, long? size, string? fileName, string? mimeType, string stem, string defaultType)
    {
        var contentType = IsMediaType(mimeType) ? mimeType!.ToLowerInvariant() : defaultType;
        var name = CleanFileName(fileName) ?? $"{stem}_{fileUniqueId}{Extension(contentType)}";
        return new(kind, fileId, fileUniqueId, size, name, contentType);
    }

    /// <summary>The file name the sender's app reported, without any path and control characters; null when nothing is left.</summary>
    internal static string? CleanFileName(string? fileName)
    {
        if (fileName is null)
        {
            return null;
        }

        var lastSeparator = fileName.LastIndexOfAny(['/', '\\']);
        var name = TelegramText.SingleLine(fileName[(lastSeparator + 1)..]);
        if (name is null or "." or "..")
        {
            return null;
        }

        return name.Length <= 255 ? name : name[..TelegramText.SafeCut(name, 255)];
    }

    // The sender's app reports a document's type; keep it only when it has the shape of one, so it is safe in a header.
    private static bool IsMediaType(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 127)
        {
            return false;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < value.Length - 1 && slash == value.LastIndexOf('/')
            && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '+' or '-' or '_');
    }

    private static string Extension(string contentType) => contentType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        "audio/ogg" => ".ogg",
        "audio/mpeg" => ".mp3",
        "audio/mp4" or "audio/x-m4a" => ".m4a",
        "video/mp4" => ".mp4",
        "video/webm" => ".webm",
        "application/pdf" => ".pdf",
        _ => "",
    };

    private static string? AudioTitle(Audio audio) => Join(" – ", audio.Performer, audio.Title) ?? CleanFileName(audio.FileName);

    /// <summary><c>0:07</c>, <c>12:34</c>, <c>1:02:03</c>.</summary>
    internal static string Duration(int seconds)
    {
        var time = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return time.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours}:{time.Minutes:00}:{time.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{time.Minutes}:{time.Seconds:00}");
    }

    // Five decimals is about a metre: enough to find a door, which is why customers share locations.
    private static string Coordinates(Location location) =>
        string.Create(CultureInfo.InvariantCulture, $"{location.Latitude:0.00000}, {location.Longitude:0.00000}");

    // Details come from the sender (names, titles, file names): one line each, so a label cannot fake a second message.
    private static string Label(string kind, params string?[] details)
    {
        var detail = Join(" ", [.. details.Select(d => TelegramText.SingleLine(d))]);
        return detail is null ? $"[{kind.TrimEnd(':')}]" : $"[{kind} {detail}]";
    }

    private static string? Join(string separator, params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).ToArray();
        return present.Length == 0 ? null : string.Join(separator, present);
    }
}
