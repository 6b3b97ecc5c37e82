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
/// <c>OC_CRASH_KILLS</c> sets the kills of both runs together (default 20: 12 embedded, 8 Redis); the long run is
/// <c>OC_CRASH_KILLS=200</c> (docs/operations.md). Measured on the 2-core machine with three other builds running
/// (load average 15-30): 4 kills on the embedded store took 90 s (about 10 s a kill, mostly the restart, then
/// about 30 s to drain: the dead node's mailbox lease). The default 20 did not finish within 14 minutes there; its
/// share of <c>.ci/run</c> is not measured yet, and 12 kills on the embedded store did not finish within 15 minutes
/// on a quiet machine either (no output: a wait that keeps seeing progress never stalls out). Until that is found,
/// the suite runs only when <c>OC_CRASH_KILLS</c> is set; <c>.ci/run</c> keeps <see cref="Embedded.IngestCrashTests"/>
/// and <see cref="Email.EmailCrashTests"/>.
/// </para>
/// </summary>
[Collection(EmailCollection.Name)]
public sealed class CrashSuiteTests(MailServers mail, ITestOutputHelper output)
{
    public const string Variable = "OC_CRASH_KILLS";
    private const int DefaultKills = 20;

    [EnvironmentFact(Variable)]
    public Task The_embedded_store_survives_kills_under_load_on_every_channel_with_each_message_once() =>
        RunAsync(CrashStore.Embedded(), Kills - Kills * 2 / 5);

    [EnvironmentFact(Variable)]
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
            run.Log($"{store.Name}: {kills} kills, {findings.Count} findings");
            Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
        }
    }
}
