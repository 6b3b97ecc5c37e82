using Microsoft.Extensions.Logging;
using Omnichannel.Redis;
using Omnichannel.Redis.Embedded;

namespace Omnichannel.Bench;

/// <summary>
/// Garnet hosted in the bench's process exactly as the server hosts it (same class, same flags), in a temp folder.
/// With <c>waitForAofCommit</c> off, the difference to the default shows what acknowledged durability costs.
/// </summary>
internal sealed class EmbeddedGarnetBackend : IStoreBackend
{
    private readonly EmbeddedGarnet _garnet;
    private readonly string _directory;

    private EmbeddedGarnetBackend(EmbeddedGarnet garnet, string directory, string name)
    {
        _garnet = garnet;
        _directory = directory;
        Name = name;
    }

    public string Name { get; }

    public string ConnectionString => _garnet.ConnectionString;

    public static EmbeddedGarnetBackend Start(bool waitForAofCommit, ILoggerFactory loggerFactory)
    {
        var directory = Directory.CreateTempSubdirectory("omnichannel-bench-garnet-").FullName;
        var garnet = new EmbeddedGarnet(new EmbeddedStoreOptions { WaitForAofCommit = waitForAofCommit }, directory, loggerFactory);
        try
        {
            garnet.EnsureStarted();
        }
        catch
        {
            garnet.Dispose();
            TempFolders.Delete(directory);
            throw;
        }

        return new EmbeddedGarnetBackend(garnet, directory, waitForAofCommit ? "garnet (aof-wait)" : "garnet (no-wait)");
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            _garnet.Stop();
        }
        finally
        {
            TempFolders.Delete(_directory);
        }

        return ValueTask.CompletedTask;
    }
}
