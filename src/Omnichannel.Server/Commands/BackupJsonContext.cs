using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichannel.Server.Commands;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(BackupManifest))]
[JsonSerializable(typeof(string))]
internal sealed partial class BackupJsonContext : JsonSerializerContext;
