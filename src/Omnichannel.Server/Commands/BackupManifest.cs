namespace Omnichannel.Server.Commands;

/// <summary>
/// <c>manifest.json</c>, the last entry of a backup archive: what the store held when it was taken (read from the
/// store itself, so a restore can prove it got the same back) and every other entry with its hash. Written last
/// because the hashes are known only once the files are in; a truncated archive therefore has no manifest.
/// </summary>
internal sealed record BackupManifest(
    int Format,
    DateTimeOffset CreatedAt,
    string ServerVersion,
    string Workspace,
    int Conversations,
    int Messages,
    int Findings,
    int Blobs,
    IReadOnlyList<ArchivedFile> Files)
{
    /// <summary>The archive layout this server writes and reads.</summary>
    public const int CurrentFormat = 1;
}
