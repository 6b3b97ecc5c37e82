using System.Text.Json.Serialization;
using Omnichannel.Core.Model;
using Omnichannel.Core.Scheduling;

namespace Omnichannel.Redis;

/// <summary>Source-generated JSON for the few fields the store keeps as JSON (attachments, labels, attributes, events, shifts).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AttachmentInfo[]))]
[JsonSerializable(typeof(AttachmentInfo))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(StoredEvent))]
[JsonSerializable(typeof(StoredShift))]
[JsonSerializable(typeof(StoredSlaPolicy))]
[JsonSerializable(typeof(Omnichannel.Core.Ports.Site))]
[JsonSerializable(typeof(RedisViewerStore.Entry), TypeInfoPropertyName = "ViewerEntry")]
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

/// <summary>A shift as <c>shift:{id}</c> holds it: the API's definition (the pinned contract) and when it was saved (Unix ms).</summary>
internal sealed record StoredShift(string Id, ShiftDefinition Definition, long UpdatedAt);
