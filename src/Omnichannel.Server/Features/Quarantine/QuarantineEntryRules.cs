using Omnichannel.Core.Access;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.Quarantine;

/// <summary>What retrying and discarding an entry check alike.</summary>
internal static class QuarantineEntryRules
{
    /// <summary>A malformed id is a 400 here (it names a key), but only for who may manage the quarantine.</summary>
    public static IEnumerable<ValidationError> Validate(string id, Principal? principal) =>
        AccessRule.CanManageQuarantine(principal) && !Ids.IsWellFormed(id)
            ? [new("id", "must be a quarantine entry id (letters, digits, '-', '_').")]
            : [];

    public static Outcome<T> NotFound<T>(string id) =>
        Outcome<T>.NotFoundBecause("No such quarantine entry.", $"Entry {id} is not in quarantine (retried or discarded already?).");

    /// <summary>The entry's raw bytes: kept inline in the store, or in the blob store.</summary>
    public static async Task<Stream?> OpenRawAsync(QuarantineEntry entry, IQuarantineStore quarantine, IBlobStore blobs, CancellationToken ct)
    {
        if (entry.HasInlineRaw && await quarantine.GetInlineRawAsync(entry.Id, ct) is { } bytes)
        {
            return new MemoryStream(bytes, writable: false);
        }

        return entry.RawBlobKey is { } key ? await blobs.OpenReadAsync(key, ct) : null;
    }
}
