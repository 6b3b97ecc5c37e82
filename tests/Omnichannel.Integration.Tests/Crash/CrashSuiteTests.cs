using System.Globalization;
using Omnichannel.Integration.Tests.Email;
using Xunit.Abstractions;

namespace Omnichannel.Integration.Tests.Crash;

/// <summary>
/// The crash suite across channels (issue 26): the real server is killed with SIGKILL again and again while the API
/// channel, web chat, Telegram (the emulator, polling) and email (Dovecot IMAP) ingest and agents reply by SMTP,
/// Telegram and web chat; then every inbound accepted is stored exactly once, every reply sent exactly once, no
/// conversation is in two agents' lists, and <c>check</c> finds nothing. On the embedded store (Garnet with its
/// append-only file) and on redis-server with <c>appendfsync always</c>.
/// <para>
/// 20 kills per run of the suite (12 embedded, 8 Redis); <c>OC_CRASH_KILLS</c> sets another number for both runs
/// together, e.g. the long run <c>OC_CRASH_KILLS=200</c> (docs/operations.md), and <c>OC_CRASH_LOG</c> names a file
/// that receives the progress as it goes. Measured on the 2-core machine with four builds running beside it (load
/// average about 25): the embedded run took 262 s, the Redis run 114 s.
/// </para>
/// </summary>
[Collection(EmailCollection.Name)]
public sealed class CrashSuiteTests(MailServers mail, ITestOutputHelper output)
{
    public const string Variable = "OC_CRASH_KILLS";
    private const int DefaultKills = 20;

    [Fact]
    public Task The_embedded_store_survives_kills_under_load_on_every_channel_with_each_message_once() =>
        RunAsync(CrashStore.Embedded(), Kills - Kills * 2 / 5);

    [Fact]
    public Task Redis_with_an_fsynced_aof_survives_kills_under_load_on_every_channel_with_each_message_once() =>
        RunAsync(CrashStore.RedisWithAof(), Kills * 2 / 5);

    private static int Kills =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), CultureInfo.InvariantCulture, out var kills)
        && kills >= 2 ? kills : DefaultKills;

    private async Task RunAsync(CrashStore store, int kills)
    {
        using (store)
        {
            await using var run = new CrashRun(mail, output, store);
            var verdict = await run.RunAsync(kills);
            run.Log("counting");
            var findings = await verdict.JudgeAsync();
            foreach (var resent in verdict.Resent)
            {
                run.Log($"sent again after a kill between the peer's answer and its record: {resent}");
            }

            run.Log($"{store.Name}: {kills} kills, {findings.Count} findings, {verdict.Resent.Count} resent");
            Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
        }
    }
}
