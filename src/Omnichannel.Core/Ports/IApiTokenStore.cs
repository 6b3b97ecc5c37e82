using Omnichannel.Core.Model;

namespace Omnichannel.Core.Ports;

public interface IApiTokenStore
{
    Task CreateAsync(ApiToken token, CancellationToken cancellationToken = default);

    Task<ApiToken?> GetAsync(string tokenId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string tokenId, CancellationToken cancellationToken = default);
}
