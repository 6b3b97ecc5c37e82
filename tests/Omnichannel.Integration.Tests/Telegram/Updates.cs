using System.Text.Json.Nodes;

namespace Omnichannel.Integration.Tests.Telegram;

/// <summary>
/// Updates shaped as Telegram sends them (https://core.telegram.org/bots/api#update, #message): snake_case fields, unix
/// dates in seconds, private chats whose id is the user's, groups and supergroups with negative ids, photos as an array
/// of sizes from small to large.
/// </summary>
public static class Updates
{
    private static int _messageId = 100;

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public static JsonObject User(long id, string firstName, string? lastName = null, string? username = null)
    {
        var user = new JsonObject { ["id"] = id, ["is_bot"] = false, ["first_name"] = firstName };
        if (lastName is not null)
        {
            user["last_name"] = lastName;
        }

        if (username is not null)
        {
            user["username"] = username;
        }

        user["language_code"] = "en";
        return user;
    }

    public static JsonObject PrivateChat(JsonObject user)
    {
        var chat = new JsonObject { ["id"] = user["id"]!.DeepClone(), ["first_name"] = user["first_name"]!.DeepClone(), ["type"] = "private" };
        if (user["username"] is { } username)
        {
            chat["username"] = username.DeepClone();
        }

        return chat;
    }

    public static JsonObject Group(long id, string title) => new() { ["id"] = id, ["title"] = title, ["type"] = "supergroup" };

    public static int NextMessageId() => Interlocked.Increment(ref _messageId);

    public static JsonObject Message(JsonObject from, JsonObject chat, int? messageId = null) => new()
    {
        ["message_id"] = messageId ?? NextMessageId(),
        ["from"] = from.DeepClone(),
        ["chat"] = chat.DeepClone(),
        ["date"] = Now,
    };

    public static JsonObject Text(JsonObject from, string text, JsonObject? chat = null, int? messageId = null)
    {
        var message = Message(from, chat ?? PrivateChat(from), messageId);
        message["text"] = text;
        if (text.StartsWith('/'))
        {
            var command = text.Split(' ')[0];
            message["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = command.Length, ["type"] = "bot_command" });
        }

        return new JsonObject { ["message"] = message };
    }

    /// <summary>A photo with no caption: three sizes of one picture, the last the largest.</summary>
    public static JsonObject Photo(JsonObject from, string smallFileId, string largeFileId, int largeSize, string? caption = null)
    {
        var message = Message(from, PrivateChat(from));
        message["photo"] = new JsonArray(
            new JsonObject { ["file_id"] = smallFileId, ["file_unique_id"] = "AQADsmall" + smallFileId[^4..], ["file_size"] = 1402, ["width"] = 90, ["height"] = 67 },
            new JsonObject { ["file_id"] = largeFileId + "m", ["file_unique_id"] = "AQADmid" + largeFileId[^4..], ["file_size"] = 17520, ["width"] = 320, ["height"] = 240 },
            new JsonObject { ["file_id"] = largeFileId, ["file_unique_id"] = "AQADlarge" + largeFileId[^4..], ["file_size"] = largeSize, ["width"] = 1280, ["height"] = 960 });
        if (caption is not null)
        {
            message["caption"] = caption;
        }

        return new JsonObject { ["message"] = message };
    }

    public static JsonObject Document(JsonObject from, string fileId, string fileName, string mimeType, int size, string? caption = null)
    {
        var message = Message(from, PrivateChat(from));
        message["document"] = new JsonObject
        {
            ["file_name"] = fileName,
            ["mime_type"] = mimeType,
            ["file_id"] = fileId,
            ["file_unique_id"] = "AgADdoc" + fileId[^4..],
            ["file_size"] = size,
        };
        if (caption is not null)
        {
            message["caption"] = caption;
        }

        return new JsonObject { ["message"] = message };
    }

    public static JsonObject Edited(JsonObject from, int messageId, string newText, long sentAt)
    {
        var message = Message(from, PrivateChat(from), messageId);
        message["date"] = sentAt;
        message["edit_date"] = sentAt + 30;
        message["text"] = newText;
        return new JsonObject { ["edited_message"] = message };
    }

    /// <summary>An update type newer than this Telegram.Bot version (the Bot API adds types over time).</summary>
    public static JsonObject FutureType() => new()
    {
        ["guest_checkin"] = new JsonObject { ["id"] = "77", ["from"] = User(1, "Nobody"), ["date"] = Now },
    };

    /// <summary>A message with content newer than this Telegram.Bot version and no text or caption.</summary>
    public static JsonObject FutureContent(JsonObject from)
    {
        var message = Message(from, PrivateChat(from));
        message["hologram"] = new JsonObject { ["file_id"] = "HLG1", ["duration"] = 3 };
        return new JsonObject { ["message"] = message };
    }
}
