using System.Text.Json.Serialization;
using Omnichannel.Core.Model;

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
[JsonSerializable(typeof(StoredCannedResponse))]
[JsonSerializable(typeof(StoredArticle))]
[JsonSerializable(typeof(StoredArticleCategory))]
[JsonSerializable(typeof(Omnichannel.Core.Ports.Site))]
[JsonSerializable(typeof(RedisViewerStore.Entry), TypeInfoPropertyName = "ViewerEntry")]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
