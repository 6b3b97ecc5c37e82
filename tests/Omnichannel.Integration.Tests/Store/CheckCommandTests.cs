using System.Net;
using System.Net.Sockets;
using Omnichannel.Integration.Tests.Infrastructure;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

/// <summary><c>dotnet Omnichannel.Server.dll check</c> as an operator runs it: the real executable, configured by
/// environment variables, judged by its exit code and its output.</summary>
[Collection(StoreCollection.Name)]
public sealed class CheckCommandTests(StoreServers servers)
{
    [Fact]
    public async Task Check_exits_0_on_a_consistent_redis_store_and_1_with_the_finding_once_a_key_is_corrupted()
    {
        await using var store = await OpenAsync(servers, StoreServers.Redis);
        var filled = await CheckedStore.FillAsync(store);
        var settings = RedisSettings(store.Workspace, servers.RedisServer.ConnectionString);

        var (clean, cleanOutput) = await ServerProcess.RunCommandAsync(["check"], settings);
        Assert.True(clean == 0, cleanOutput);
        Assert.Contains("check: consistent in 6 conversations and 13 messages", cleanOutput, StringComparison.Ordinal);

        await store.Db.HashIncrementAsync(store.Keys.Conversation(filled.Ana), "messageCount", 1);
        var (broken, brokenOutput) = await ServerProcess.RunCommandAsync(["check"], settings);

        Assert.True(broken == 1, brokenOutput);
        Assert.Contains($"message-count conv:{filled.Ana}: messageCount is 4, 3 messages are listed", brokenOutput,
            StringComparison.Ordinal);
        Assert.Contains("check: 1 findings", brokenOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_exits_0_while_the_server_runs_on_the_same_redis()
    {
        var settings = RedisSettings(StoreServers.NewWorkspace(), servers.RedisServer.ConnectionString);
        await using var server = await ServerProcess.StartAsync(settings);

        var (code, output) = await ServerProcess.RunCommandAsync(["check"], settings);

        Assert.True(code == 0, output + Environment.NewLine + server.Tail());
    }

    [Fact]
    public async Task Check_exits_2_when_the_store_is_unreachable_or_the_configuration_is_bad()
    {
        var unreachable = RedisSettings("default", $"127.0.0.1:{ClosedPort()},connectTimeout=2000");
        var (code, output) = await ServerProcess.RunCommandAsync(["check"], unreachable);
        Assert.True(code == 2, output);
        Assert.Contains("check: could not run: store:", output, StringComparison.Ordinal);

        var bad = RedisSettings("Not A Workspace", servers.RedisServer.ConnectionString);
        (code, output) = await ServerProcess.RunCommandAsync(["check"], bad);
        Assert.True(code == 2, output);
        Assert.Contains("check: could not run: configuration:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_reads_the_embedded_store_of_a_running_server_and_opens_it_itself_once_the_server_is_gone()
    {
        var data = TempDirectories.Create("oc-check-");
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["Omnichannel:Store:DataDirectory"] = data,
                ["Omnichannel:Store:Embedded:MemoryLimit"] = "256m",
            };
            await using (var server = await ServerProcess.StartAsync(settings))
            {
                var (running, runningOutput) = await ServerProcess.RunCommandAsync(["check"], settings);
                Assert.True(running == 0, runningOutput + Environment.NewLine + server.Tail());
                Assert.Contains("embedded store of the running server", runningOutput, StringComparison.Ordinal);
                // SIGKILL: the endpoint file stays behind, naming a process that no longer exists.
                await server.KillAsync();
            }

            var (alone, aloneOutput) = await ServerProcess.RunCommandAsync(["check"], settings);
            Assert.True(alone == 0, aloneOutput);
            Assert.Contains($"(workspace default, embedded store, {data}", aloneOutput, StringComparison.Ordinal);
        }
        finally
        {
            TempDirectories.Delete(data);
        }
    }

    private static Dictionary<string, string> RedisSettings(string workspace, string connectionString) => new()
    {
        ["Omnichannel:Store:Redis"] = connectionString,
        ["Omnichannel:Store:Workspace"] = workspace,
    };

    // Bound and released: nothing listens there for the moment the test needs.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
