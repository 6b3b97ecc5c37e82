namespace Omnichannel.Server.Commands;

/// <summary>One file in a backup archive: its entry name, its length and its SHA-256 (lowercase hex).</summary>
internal sealed record ArchivedFile(string Name, long Length, string Sha256);
