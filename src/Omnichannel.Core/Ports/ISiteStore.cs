namespace Omnichannel.Core.Ports;

public interface ISiteStore
{
    Task<IReadOnlyList<Site>> ListAsync(CancellationToken cancellationToken = default);

    Task<Site?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces; with <paramref name="createOnly"/> an existing site is kept and false returned.</summary>
    Task<bool> SaveAsync(Site site, bool createOnly, CancellationToken cancellationToken = default);
}
