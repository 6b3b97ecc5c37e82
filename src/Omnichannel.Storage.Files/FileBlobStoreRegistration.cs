using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omnichannel.Core.Ports;

namespace Omnichannel.Storage.Files;

public static class FileBlobStoreRegistration
{
    /// <summary>Attachment bytes as files under <c>Omnichannel:Blobs:Directory</c>, checked at start.</summary>
    public static IServiceCollection AddFileBlobStore(this IServiceCollection services)
    {
        services.AddOptions<BlobOptions>().BindConfiguration(BlobOptions.Section)
            .Validate(options => options.IsValid, BlobOptions.Invalid).ValidateOnStart();
        services.AddSingleton<IBlobStore>(sp =>
            new FileBlobStore(sp.GetRequiredService<IOptions<BlobOptions>>().Value.Directory, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
