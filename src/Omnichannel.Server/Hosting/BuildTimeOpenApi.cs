using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Omnichannel.Redis;

namespace Omnichannel.Server.Hosting;

/// <summary>
/// The server's build writes its OpenAPI document (<c>ClientApp/openapi/v1.json</c>, which types the web app) by
/// running this program under <c>dotnet-getdocument</c> (Microsoft.Extensions.ApiDescription.Server). That tool
/// builds and starts the host to read its endpoints: without this, a build would start the embedded store, the
/// channel pollers and the background jobs, and write into <c>./data</c>. Every service stays registered, because
/// the document reads the registrations (a handler parameter that is a service is not part of the request).
/// </summary>
public static class BuildTimeOpenApi
{
    /// <summary>The assembly name of the tool's entry point, as ASP.NET Core's documentation gives it.</summary>
    private const string DocumentTool = "GetDocument.Insider";

    public static bool IsDescribingTheApi => Assembly.GetEntryAssembly()?.GetName().Name == DocumentTool;

    /// <summary>
    /// Call first, then <see cref="WithoutBackgroundWorkWhenDescribingTheApi"/> last: under the document tool, what
    /// registrations write (the embedded store's key certificate) goes to a scratch folder, and no hosted service
    /// (store, pollers, jobs) starts.
    /// </summary>
    public static IHostApplicationBuilder WithScratchDataWhenDescribingTheApi(this IHostApplicationBuilder builder)
    {
        if (IsDescribingTheApi)
        {
            // Beside this build's output: builds of other checkouts running at the same time keep their own.
            var output = Path.GetDirectoryName(typeof(BuildTimeOpenApi).Assembly.Location) ?? Path.GetTempPath();
            var scratch = Path.Combine(output, "openapi-scratch-data");
            builder.Configuration.AddInMemoryCollection(
                [new($"{StoreOptions.Section}:{nameof(StoreOptions.DataDirectory)}", scratch)]);
        }

        return builder;
    }

    /// <inheritdoc cref="WithScratchDataWhenDescribingTheApi"/>
    public static IHostApplicationBuilder WithoutBackgroundWorkWhenDescribingTheApi(this IHostApplicationBuilder builder)
    {
        if (IsDescribingTheApi)
        {
            builder.Services.RemoveAll<IHostedService>();
        }

        return builder;
    }
}
