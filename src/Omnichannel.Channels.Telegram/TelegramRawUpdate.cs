using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Omnichannel.Core.Inbound;
using Telegram.Bot.Types;

namespace Omnichannel.Channels.Telegram;

/// <summary>
/// One element of a <c>getUpdates</c> result, as Telegram sent it: its bytes, and its <c>update_id</c> when that much
/// of it is readable. Read into an <see cref="Update"/> on its own, so one the library cannot read fails alone.
/// </summary>
public sealed record TelegramRawUpdate(long? Id, byte[] Json)
{
    /// <summary>
    /// The quarantine's id for it: the update id, or (no readable id) a hash of its bytes, like a webhook body's.
    /// </summary>
    public string ItemId => Id is { } id
        ? id.ToString(CultureInfo.InvariantCulture)
        : "raw:" + Convert.ToHexStringLower(SHA256.HashData(Json))[..32];

    /// <summary>The update, or <see cref="InboundItemUnreadableException"/>: it will never read, whatever the tries.</summary>
    public Update Parse()
    {
        try
        {
            return TelegramUpdateJson.Parse(Json);
        }
        catch (JsonException ex)
        {
            throw new InboundItemUnreadableException("Not a Telegram update: " + ex.Message, ex);
        }
    }

    public RawInboundItem ToRawItem() => new(new MemoryStream(Json, writable: false), Json.Length);

    /// <summary>An element of the result array; its id only when <c>update_id</c> is a whole positive number.</summary>
    internal static TelegramRawUpdate From(JsonElement element)
    {
        long? id = element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty("update_id", out var value)
            && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt64(out var number) && number >= 0
                ? number
                : null;
        return new TelegramRawUpdate(id, System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element).ToArray());
    }
}
