using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichannel.Server.Commands;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(BackupManifest))]
internal sealed partial class BackupJsonContext : JsonSerializerContext;
