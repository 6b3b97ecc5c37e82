using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichannel.Bench;

// The JSON an integration sends, written here rather than borrowed from the server's records: like a real client,
// the bench keeps working when the server adds optional fields, and fails loudly when it renames one.
internal sealed record LoginBody(string Email, string Password);

internal sealed record CreateTokenBody(string Name, IReadOnlyList<string> Scopes);

internal sealed record CreatedToken(string Id, string Token);

internal sealed record InboundContactBody(string Identifier, string Name);

internal sealed record InboundBody(string SourceId, InboundContactBody Contact, string ThreadKey, string Text);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(LoginBody))]
[JsonSerializable(typeof(CreateTokenBody))]
[JsonSerializable(typeof(CreatedToken))]
[JsonSerializable(typeof(InboundBody))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
