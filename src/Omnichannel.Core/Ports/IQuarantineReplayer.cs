namespace Omnichannel.Core.Ports;

/// <summary>
/// Runs a quarantined item through its channel's ingest again (<c>POST /api/quarantine/{id}/retry</c>): returns once it is
/// stored (or found stored already), throws with the reason when it still cannot be.
/// </summary>
public interface IQuarantineReplayer
{
    string Channel { get; }

    Task ReplayAsync(QuarantineEntry entry, Stream? raw, CancellationToken cancellationToken);
}
