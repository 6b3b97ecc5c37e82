using Microsoft.Extensions.Logging;

namespace Omnichannel.Redis.Embedded;

/// <summary>
/// Garnet logs under bare categories ("Options", "ArgParser"); prefixing them with "Garnet." lets one
/// <c>Logging:LogLevel:Garnet</c> setting quiet all of them.
/// </summary>
internal sealed class GarnetLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => inner.CreateLogger("Garnet." + categoryName);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The host owns the inner factory.
    public void Dispose()
    {
    }
}
