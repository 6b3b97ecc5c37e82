using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Omnichannel.Integration.Tests.Infrastructure;

public static class KestrelApps
{
    /// <summary>
    /// Serves the app on a real loopback port (hub clients, raw sockets and size limits need one) and points the
    /// app's own clients at it; returns the base address.
    /// </summary>
    public static string StartKestrel(this WebApplicationFactory<Program> app)
    {
        app.UseKestrel(0);
        app.StartServer();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        app.ClientOptions.BaseAddress = new Uri(url);
        return url;
    }
}
