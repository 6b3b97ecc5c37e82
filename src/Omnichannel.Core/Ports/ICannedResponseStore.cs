using Omnichannel.Core.CannedResponses;

namespace Omnichannel.Core.Ports;

/// <summary>
/// Canned responses (docs/knowledge.md). Ids are slugs chosen by whoever creates one; each write is
/// compare-and-set against the version the caller decided on, so an access check and the write cannot be split by
/// another writer.
/// </summary>
public interface ICannedResponseStore
{
    /// <summary>Every canned response, shared and personal: callers filter with <c>CannedResponseAccess</c>.</summary>
    Task<IReadOnlyList<CannedResponse>> ListAsync(CancellationToken cancellationToken = default);

    Task<CannedResponse?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates or replaces the response, only while the stored one is still <paramref name="expected"/> (null: none).
    /// </summary>
    Task<CannedResponseWrite> SaveAsync(
        CannedResponse response, CannedResponse? expected, CancellationToken cancellationToken = default);

    /// <summary>Removes the response, only while the stored one is still <paramref name="expected"/>.</summary>
    Task<CannedResponseWrite> DeleteAsync(CannedResponse expected, CancellationToken cancellationToken = default);
}
