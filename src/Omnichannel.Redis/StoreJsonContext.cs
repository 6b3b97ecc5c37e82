using System.Text.Json.Serialization;
using Omnichannel.Core.Model;

namespace Omnichannel.Redis;

/// <summary>Source-generated JSON for the few fields the store keeps as JSON (attachments, labels, attributes, events).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AttachmentInfo[]))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(StoredEvent))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;

/// <summary>An event as the Lua scripts encode it with cjson.</summary>
internal sealed class StoredEvent
{
    public long Seq { get; set; }
    public string Type { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string? MessageId { get; set; }
    public string At { get; set; } = "0";
    public string? ActorId { get; set; }
}
