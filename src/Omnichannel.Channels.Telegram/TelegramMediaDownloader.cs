using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Omnichannel.Channels.Telegram;

/// <summary>
/// Fetches a message's files (<c>getFile</c>, then <c>/file/bot{token}/{path}</c>) into the blob store. A file over the
/// size limit, or one Telegram refuses for good (4xx: too big for the Bot API, expired), is left out and named in the
/// message text instead, so the message still arrives. Network errors, 5xx and 429 throw: the update is tried again.
/// </summary>
public sealed partial class TelegramMediaDownloader(IBlobStore blobs, IOptions<TelegramChannelOptions> options, ILogger<TelegramMediaDownloader> logger)
{
    public async Task<DownloadedMedia> DownloadAsync(ITelegramBotClient client, IReadOnlyList<TelegramMediaFile> files, CancellationToken cancellationToken)
    {
        var attachments = new List<AttachmentInfo>();
        var notes = new List<string>();
        var limit = options.Value.MaxFileBytes;
        foreach (var file in files)
        {
            if (file.FileSize > limit)
            {
                notes.Add($"[{file.FileName} not kept: {file.FileSize} bytes, over the {limit}-byte limit]");
                continue;
            }

            try
            {
                var info = await client.GetFile(file.FileId, cancellationToken);
                if (info.FileSize > limit || info.FilePath is null)
                {
                    notes.Add($"[{file.FileName} not kept: {(info.FilePath is null ? "Telegram gave no download path" : $"{info.FileSize} bytes, over the {limit}-byte limit")}]");
                    continue;
                }

                // Through a temporary file: the blob store enforces the limit while copying, and a half-downloaded
                // file never becomes a blob.
                await using var buffer = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
                await client.DownloadFile(info.FilePath, buffer, cancellationToken);
                buffer.Position = 0;
                var blob = await blobs.PutAsync(buffer, limit, cancellationToken);
                attachments.Add(new AttachmentInfo(Ids.New(), file.FileName, file.ContentType, blob.Size, blob.Key));
            }
            catch (ApiRequestException ex) when (ex.ErrorCode is >= 400 and < 500 and not 429)
            {
                LogRefused(file.FileUniqueId, ex.ErrorCode, ex.Message);
                notes.Add($"[{file.FileName} not kept: Telegram answered {ex.Message}]");
            }
            catch (BlobTooLargeException)
            {
                notes.Add($"[{file.FileName} not kept: over the {limit}-byte limit]");
            }
        }

        return new DownloadedMedia(attachments, notes);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram refused file {FileUniqueId} ({ErrorCode}: {Description}); the message is kept without it")]
    private partial void LogRefused(string fileUniqueId, int errorCode, string description);
}
