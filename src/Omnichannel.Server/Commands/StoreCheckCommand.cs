using Microsoft.Extensions.Logging.Abstractions;
using Omnichannel.Redis;
using Omnichannel.Redis.Checking;
using Omnichannel.Redis.Embedded;
using StackExchange.Redis;

namespace Omnichannel.Server.Commands;

/// <summary>
/// <c>dotnet Omnichannel.Server.dll check</c>: reads the server's own configuration (appsettings, <c>Omnichannel__*</c>
/// environment variables, command line), checks the store's invariants and prints one line per finding and a
/// summary. Exit code 0 consistent, 1 findings, 2 could not check (bad configuration, store unreachable).
/// The embedded store is read where a running server serves it (its port is in the data folder), else started here.
/// </summary>
internal static class StoreCheckCommand
{
    public const int Consistent = 0;
    public const int Inconsistent = 1;
    public const int CouldNotCheck = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        StoreOptions options;
        try
        {
            options = CommandSettings.Read(args).Store;
        }
        catch (CommandFailedException ex)
        {
            return Fail(ex.Message);
        }

        EmbeddedGarnet? started = null;
        try
        {
            string connectionString;
            string where;
            if (!string.IsNullOrWhiteSpace(options.Redis))
            {
                (connectionString, where) = (options.Redis, "redis");
            }
            else
            {
                var directory = Path.GetFullPath(options.DataDirectory);
                if (EmbeddedStoreEndpoint.RunningPort(directory) is { } port)
                {
                    // A server from before store passwords has no password file, and its store asks for none.
                    var password = EmbeddedStoreSecrets.ReadPassword(directory);
                    connectionString = password is null ? $"127.0.0.1:{port}" : $"127.0.0.1:{port},password={password}";
                    where = $"embedded store of the running server, {directory}";
                }
                else
                {
                    started = new EmbeddedGarnet(options.Embedded, directory, NullLoggerFactory.Instance);
                    // Only reads: an unfinished operation is reported, and the server rolls it back when it starts.
                    started.EnsureStarted(rollBackUnfinished: false);
                    (connectionString, where) = (started.ConnectionString, $"embedded store, {directory}");
                }
            }

            var configuration = ConfigurationOptions.Parse(connectionString);
            configuration.AbortOnConnectFail = true;
            configuration.ClientName = "omnichannel-check";
            await using var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration);
            var checker = new StoreChecker(new RedisKeys(options.Workspace));
            var report = await checker.CheckSettledAsync(multiplexer.GetDatabase());
            foreach (var finding in report.Findings)
            {
                Console.WriteLine(finding);
            }

            var verdict = report.Consistent ? "consistent" : $"{report.Findings.Count} findings";
            Console.WriteLine($"check: {verdict} in {report.Conversations} conversations and "
                + $"{report.Messages} messages "
                + $"(workspace {options.Workspace}, {where})");
            return report.Consistent ? Consistent : Inconsistent;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ArgumentException or IOException
            or InvalidOperationException or UnauthorizedAccessException)
        {
            return Fail("store: " + ex.Message);
        }
        finally
        {
            started?.Stop();
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("check: could not run: " + message);
        return CouldNotCheck;
    }
}
