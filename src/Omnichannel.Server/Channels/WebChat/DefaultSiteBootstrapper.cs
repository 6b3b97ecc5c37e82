using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Channels.WebChat;

/// <summary>The site <c>default</c> exists from the first start (created once, never overwritten).</summary>
internal sealed class DefaultSiteBootstrapper(ISiteStore sites, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) =>
        await sites.SaveAsync(SitesApi.NewSite(SitesApi.DefaultKey, time.GetUtcNow()), createOnly: true, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
