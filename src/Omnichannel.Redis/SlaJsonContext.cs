using System.Text.Json.Serialization;
using Omnichannel.Core.Sla;

namespace Omnichannel.Redis;

/// <summary>
/// A conversation's promises as the store keeps them (conv field <c>sla</c>), enums as names so the stored JSON reads
/// like the API's and survives a reordered enum.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ConversationSla))]
[JsonSerializable(typeof(SlaAlertRecord[]))]
internal sealed partial class SlaJsonContext : JsonSerializerContext;
