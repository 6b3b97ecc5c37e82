using System.Diagnostics;
using System.Globalization;
using Omnichannel.Core.Model;
using Omnichannel.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Omnichannel.Integration.Tests.Crash;

/// <summary>
/// The store's own write paths under kills (issue 26). The real server runs as a child process on the embedded
/// store; the test connects to its Garnet as <c>check</c> does and, from several writers at once, drives ingest, an
/// agent's reply with its outbox entry, assignment, moves and status changes through the real store classes with
/// the undo journal on, as the server uses them. The server is killed with SIGKILL at random moments and started
/// again on the same data folder, which rolls back what a kill cut off. After each start, while the writers wait
/// (a later write could cover damage up), every acknowledged ingest is stored exactly once, every acknowledged reply
/// has its message and its outbox entry, each conversation is in exactly one agent's list or one queue, and the
/// store checker finds nothing. At the end, also each holds what its last acknowledged change left, and <c>check</c>
/// run as a process finds nothing.
/// <c>OC_STORE_KILLS</c> sets the number of kills (default 5).
/// </summary>
public sealed class StorePathCrashTests(ITestOutputHelper output)
{
    public const string Variable = "OC_STORE_KILLS";
    private const int DefaultKills = 5;

    // Many writers keep many operations in flight when a kill lands (one connection: Garnet still runs them one after
    // the other): 16 had 10-25 operations cut off in five kills where 6 had 8-9, at the same run time.
    private const int Writers = 16;

    // The embedded server's own scripts keep the journal; the test's connection has to do the same.
    private const bool UndoJournal = true;

    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(60);
    private static readonly string[] Agents = ["store-path-ana", "store-path-ben", "store-path-cy"];

    [Fact]
    public async Task Store_writes_cut_off_by_kills_are_whole_or_absent_and_every_acknowledged_one_stays()
    {
        var kills = Kills;
        var log = new ProgressLog(output, nameof(StorePathCrashTests), TimeProvider.System);
        var data = TempDirectories.Create("oc-store-path-crash-");
        var settings = new Dictionary<string, string>
        {
            // No Redis connection string: the embedded store, persisted in the data folder every start shares.
            ["Omnichannel:Store:Redis"] = "",
            ["Omnichannel:Store:DataDirectory"] = data,
            ["Omnichannel:Store:Embedded:MemoryLimit"] = "256m",
        };
        var ledger = new StorePathLedger();
        var gate = new StoreSessionGate();
        using var stop = new CancellationTokenSource();
        using var abort = new CancellationTokenSource();
        var writers = new List<Task>();
        ServerProcess? server = null;
        StoreSession? session = null;
        try
        {
            (server, session) = await StartAsync(settings, data, 0, log);
            await CreateAgentsAsync(session);
            gate.Up(session);
            writers.AddRange(Enumerable.Range(0, Writers).Select(i => Task.Run(() =>
                new StoreWriter(i, gate, ledger, Agents, TimeProvider.System).RunAsync(stop.Token, abort.Token))));
            var random = new Random();
            var rolledBack = 0;
            for (var kill = 1; kill <= kills; kill++)
            {
                // After some more acknowledged writes, at a moment the writers do not choose.
                var target = ledger.Acknowledged + random.Next(40, 200);
                var running = server;
                await Progress.UntilAsync(() => Task.FromResult(Healthy(writers) && ledger.Acknowledged >= target),
                    () => Task.FromResult(ledger.Acknowledged), Stall,
                    () => $"{ledger.Summary()}, waiting for {target} before kill {kill}{Environment.NewLine}"
                        + running.Tail());
                gate.Down();
                await server.KillAsync();
                log.Write($"kill {kill}: {ledger.Summary()}");
                await server.DisposeAsync();
                server = null;
                await session.DisposeAsync();
                session = null;
                (server, session) = await StartAsync(settings, data, kill, log);
                rolledBack += server.Tail().Contains("Rolled back", StringComparison.Ordinal) ? 1 : 0;
                // The writers wait at the gate: what this kill did is seen before a later write covers it up.
                var damage = await StorePathVerdict.JudgeAsync(session.Db, session.Connection.Keys, ledger, false);
                Assert.True(damage.Count == 0, $"After kill {kill}:{Environment.NewLine}"
                    + string.Join(Environment.NewLine, damage.Take(50)));
                gate.Up(session);
            }

            await stop.CancelAsync();
            await Task.WhenAll(writers).WaitAsync(Stall);
            log.Write($"writers stopped: {ledger.Summary()}; {rolledBack} of {kills} starts rolled back "
                + "operations a kill cut off");

            var findings = await StorePathVerdict.JudgeAsync(session.Db, session.Connection.Keys, ledger, true);
            log.Write($"{findings.Count} findings in {ledger.Ingests.Count} ingests, {ledger.Replies.Count} replies, "
                + $"{ledger.Expected.Count(e => e.Value is not null)} of {ledger.Expected.Count} conversations "
                + "with a known state");
            Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings.Take(50)));

            var (code, report) = await ServerProcess.RunCommandAsync(["check"], settings);
            log.Write(report.Trim());
            Assert.True(code == 0, report);
        }
        finally
        {
            await abort.CancelAsync();
            if (session is not null)
            {
                await session.DisposeAsync();
            }

            if (server is not null)
            {
                await server.DisposeAsync();
            }

            TempDirectories.Delete(data);
        }
    }

    private static int Kills =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), CultureInfo.InvariantCulture, out var kills)
        && kills >= 1 ? kills : DefaultKills;

    // The server, ready, and the test's session on its store.
    private static async Task<(ServerProcess, StoreSession)> StartAsync(
        Dictionary<string, string> settings, string data, int generation, ProgressLog log)
    {
        var started = Stopwatch.StartNew();
        var server = await ServerProcess.StartAsync(settings);
        try
        {
            var session = await StoreSession.OpenAsync(data, UndoJournal, generation);
            log.Write($"start {generation}: ready in {started.Elapsed.TotalSeconds:0.0} s");
            return (server, session);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    // Agents in no queue: manual assignment and moves need them to exist, and with no queue the server's own
    // assignment sweeps and shift handovers have nothing to do with them.
    private static async Task CreateAgentsAsync(StoreSession session)
    {
        foreach (var agent in Agents)
        {
            Assert.True(await session.Agents.TryCreateAsync(new Agent(agent, agent + "@example.test", agent,
                AgentRole.Agent, 5, [], "x", "s", TimeProvider.System.GetUtcNow())));
        }
    }

    // A writer that failed for another reason than a kill is a finding: its exception, at once.
    private static bool Healthy(List<Task> writers)
    {
        if (writers.FirstOrDefault(w => w.IsFaulted) is { } failed)
        {
            failed.GetAwaiter().GetResult();
        }

        return true;
    }
}
