using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Omnichannel.Redis;

public static class RedisDataProtection
{
    /// <summary>
    /// ASP.NET Core Data Protection with its keys in the store (<see cref="RedisXmlRepository"/>): cookies and tokens
    /// issued by one node are read by every other, and survive restarts. <paramref name="configure"/> sets the rest
    /// (application name, key encryption); the repository is set after it, so it stays ours while an encryptor set
    /// there (<c>ProtectKeysWithCertificate</c>) stays too.
    /// </summary>
    public static IDataProtectionBuilder AddRedisDataProtection(
        this IHostApplicationBuilder builder, Action<IDataProtectionBuilder>? configure = null)
    {
        var dataProtection = builder.Services.AddDataProtection();
        configure?.Invoke(dataProtection);
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<RedisConnection>((options, connection) => options.XmlRepository = new RedisXmlRepository(connection));
        return dataProtection;
    }
}
