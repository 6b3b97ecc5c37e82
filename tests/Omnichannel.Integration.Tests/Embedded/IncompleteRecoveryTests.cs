using Microsoft.Extensions.Logging.Abstractions;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;
using Omnichannel.Redis.Embedded;
using StackExchange.Redis;

namespace Omnichannel.Integration.Tests.Embedded;

/// <summary>
/// Garnet logs a recovery that failed and then serves whatever it got back (an empty store, or only what came after
/// the checkpoint it could not read): the embedded store refuses to start instead, unless an operator accepts it.
/// </summary>
public sealed class IncompleteRecoveryTests : IDisposable
{
    private const int Written = 2000;
    private readonly string _directory = TempDirectories.Create("oc-recovery-");

    [Fact]
    public void A_corrupt_append_only_file_stops_the_store_instead_of_serving_an_empty_one()
    {
        Fill(checkpoint: false);
        using (var aof = File.OpenWrite(Directory.EnumerateFiles(Path.Combine(_directory, "AOF"), "aof.log.*").Single()))
        {
            aof.Seek(200, SeekOrigin.Begin);
            aof.Write(Enumerable.Repeat((byte)0xAB, 4000).ToArray());
        }

        using var garnet = NewGarnet();
        var refused = Assert.Throws<EmbeddedStoreRecoveryException>(() => garnet.EnsureStarted());
        Assert.Contains("AcceptIncompleteRecovery", refused.Message, StringComparison.Ordinal);
        Assert.False(garnet.IsRunning);
    }

    [Fact]
    public void An_unreadable_checkpoint_stops_the_store_and_an_operator_may_accept_what_was_recovered()
    {
        Fill(checkpoint: true);
        foreach (var info in Directory.EnumerateFiles(Path.Combine(_directory, "Store"), "info.dat.*", SearchOption.AllDirectories))
        {
            File.WriteAllBytes(info, Enumerable.Repeat((byte)0xCD, (int)new FileInfo(info).Length).ToArray());
        }

        using (var garnet = NewGarnet())
        {
            Assert.Throws<EmbeddedStoreRecoveryException>(() => garnet.EnsureStarted());
        }

        using var accepted = NewGarnet(acceptIncomplete: true);
        accepted.EnsureStarted();
        using var connection = ConnectionMultiplexer.Connect(accepted.ConnectionString);
        var recovered = connection.GetServer(connection.GetEndPoints()[0]).Keys(pattern: "*").Count();
        Assert.InRange(recovered, 0, Written - 1);
    }

    [Fact]
    public void A_store_that_stopped_cleanly_starts_with_everything()
    {
        Fill(checkpoint: true);
        using var garnet = NewGarnet();
        garnet.EnsureStarted();
        using var connection = ConnectionMultiplexer.Connect(garnet.ConnectionString);
        Assert.Equal(Written + 100, connection.GetServer(connection.GetEndPoints()[0]).Keys(pattern: "*").Count());
    }

    /// <summary>Writes the keys (with a checkpoint in the middle when asked) and stops the store.</summary>
    private void Fill(bool checkpoint)
    {
        using var garnet = NewGarnet();
        garnet.EnsureStarted();
        using (var connection = ConnectionMultiplexer.Connect(garnet.ConnectionString))
        {
            var db = connection.GetDatabase();
            for (var i = 0; i < Written; i++)
            {
                db.StringSet("k" + i, new string('v', 100));
            }

            if (checkpoint)
            {
                var server = connection.GetServer(connection.GetEndPoints()[0]);
                var before = server.LastSave();
                server.Save(SaveType.BackgroundSave);
                var deadline = DateTime.UtcNow.AddSeconds(30);
                while (server.LastSave() == before && DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(50);
                }
            }

            for (var i = 0; i < 100; i++)
            {
                db.StringSet("after" + i, "x");
            }
        }

        garnet.Stop();
    }

    private EmbeddedGarnet NewGarnet(bool acceptIncomplete = false) =>
        new(new EmbeddedStoreOptions { MemoryLimit = "128m", AcceptIncompleteRecovery = acceptIncomplete }, _directory, NullLoggerFactory.Instance);

    public void Dispose() => TempDirectories.Delete(_directory);
}
