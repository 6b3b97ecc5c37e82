using System.Globalization;
using Omnichannel.Core.Model;
using Omnichannel.Integration.Tests.Email;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Integration.Tests.Telegram;
using Xunit.Abstractions;

namespace Omnichannel.Integration.Tests.Crash;

/// <summary>
/// One crash run: the real server as a child process with all four channels and a team, load on every channel, and
/// the killer loop: wait until the load made some more progress (a random amount, so the kill lands wherever the
/// server happens to be), SIGKILL, start again on the same address and data. Then the load stops, the backlog
/// drains, and <see cref="CrashVerdict"/> counts.
/// </summary>
internal sealed class CrashRun(MailServers mail, ITestOutputHelper output, CrashStore store) : IAsyncDisposable
{
    // Mail ingest resumes after a kill once the dead node's mailbox lease (6 s here) expires, so only every
    // EmailKillEvery-th kill waits for a mail to be stored first.
    private const int EmailKillEvery = 3;

    // Polling resumes after a kill once the dead node's poller lease (6 s here) expires.
    private const int TelegramKillEvery = 3;
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(90);

    private readonly Uri _address = ServerProcess.FreeAddress();
    private readonly string _data = TempDirectories.Create("oc-crash-suite-");
    private readonly string _mailbox = MailServers.NewUser("crash");
    private readonly ProgressLog _log = new(output, "crash suite " + store.Name, TimeProvider.System);
    private readonly CancellationTokenSource _stopTaking = new();
    private readonly CancellationTokenSource _abort = new();
    private BotApiEmulator? _api;
    private ServerProcess? _server;
    private ReplyDriver? _team;
    private readonly List<Task> _drivers = [];

    public CrashLedger Ledger { get; } = new("r" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>Kills the server <paramref name="kills"/> times under load, drains, returns what to count.</summary>
    public async Task<CrashVerdict> RunAsync(int kills)
    {
        _api = await BotApiEmulator.StartAsync();
        var settings = Settings();
        _server = await ServerProcess.StartAsync(settings, _address);
        var team = _team = new ReplyDriver(_address, Ledger, output);
        var token = await team.SetUpAsync();
        var email = new EmailDriver(mail, _mailbox, Ledger);
        var telegram = new TelegramDriver(_api, Ledger);
        var reader = new StoreReader(team.Admin);
        var drivers = _drivers;
        drivers.AddRange(new[]
        {
            Task.Run(() => email.RunAsync(_stopTaking.Token, _abort.Token)),
            Task.Run(() => telegram.RunAsync(_stopTaking.Token, _abort.Token)),
            Task.Run(() => team.RunAsync(_stopTaking.Token, _abort.Token)),
        });
        drivers.AddRange(Enumerable.Range(0, 2).Select(client => Task.Run(() =>
            new ApiDriver(_address, token, Ledger, client).RunAsync(_stopTaking.Token, _abort.Token))));
        drivers.AddRange(Enumerable.Range(0, 3).Select(visitor => Task.Run(() =>
            new WebChatDriver(_address, Ledger, visitor).RunAsync(_stopTaking.Token, _abort.Token))));

        var random = new Random();
        for (var kill = 1; kill <= kills; kill++)
        {
            await UntilProgressAsync(kill, random.Next(20, 80), reader, telegram);
            await _server.KillAsync();
            await _server.DisposeAsync();
            _server = null;
            Log($"kill {kill}: {Ledger.Acknowledged} acknowledged, {Ledger.RepliesAnswered} replies, "
                + $"{telegram.Confirmed} Telegram updates confirmed");
            Ledger.Restarting();
            _server = await ServerProcess.StartAsync(settings, _address);
        }

        await _stopTaking.CancelAsync();
        await Task.WhenAll(drivers).WaitAsync(Stall);
        Log($"load stopped after {kills} kills; draining");
        await DrainAsync(reader, telegram);
        Log($"drained: {Ledger.Inbound.Count} inbound, {Ledger.Replies.Count} replies tried, "
            + $"{Ledger.Replies.Values.Count(r => r.Answered)} answered");
        return new CrashVerdict(Ledger, reader, team.AgentClients, telegram.Sends(),
            mail.ReceivedAt(email.CustomerDomain), settings);
    }

    // Each kill waits until this server stored more inbound and answered a reply, so every kill lands under load
    // (a restart takes about 10 s on a busy 2-core machine); some also wait for Telegram and mail to move.
    private async Task UntilProgressAsync(int kill, int more, StoreReader reader, TelegramDriver telegram)
    {
        var target = Ledger.Acknowledged + more;
        var replies = Ledger.RepliesAnswered;
        await Progress.UntilAsync(() => Task.FromResult(Healthy() && Ledger.Acknowledged >= target),
            () => Task.FromResult<long>(Ledger.Acknowledged), Stall,
            () => $"{Ledger.Acknowledged} acknowledged, waiting for {target} before kill {kill}"
                + Environment.NewLine + Tail());
        await Progress.UntilAsync(() => Task.FromResult(Healthy() && Ledger.RepliesAnswered > replies),
            () => Task.FromResult(0L), Stall,
            () => $"no reply answered before kill {kill} ({Ledger.Replies.Count} tried)"
                + Environment.NewLine + Tail());
        if (kill % TelegramKillEvery == 0)
        {
            var confirmed = telegram.Confirmed;
            await Progress.UntilAsync(() => Task.FromResult(telegram.Confirmed > confirmed),
                () => Task.FromResult(0L), Stall,
                () => $"no update confirmed before kill {kill}" + Environment.NewLine + Tail());
        }

        if (kill % EmailKillEvery == 0)
        {
            var before = await reader.ConversationCountAsync(ChannelNames.Email);
            await Progress.UntilAsync(async () => await reader.ConversationCountAsync(ChannelNames.Email) > before,
                () => Task.FromResult(0L), Stall,
                () => $"no mail stored before kill {kill}{Environment.NewLine}{Tail()}",
                TimeSpan.FromMilliseconds(500));
        }
    }

    // A driver that failed for another reason than a lost connection is a finding: its exception, at once.
    private bool Healthy()
    {
        if (_drivers.FirstOrDefault(d => d.IsFaulted) is { } failed)
        {
            failed.GetAwaiter().GetResult();
        }

        return true;
    }

    /// <summary>What the server logged last, for a failure message.</summary>
    public string Tail() => _server?.Tail() ?? "(server down)";

    /// <summary>One line of progress (<see cref="ProgressLog"/>: the test output, stderr, <c>OC_CRASH_LOG</c>).</summary>
    public void Log(string line) => _log.Write(line);

    // Everything accepted stored, every update confirmed, no reply still pending.
    private async Task DrainAsync(StoreReader reader, TelegramDriver telegram)
    {
        await Progress.UntilAsync(() => Task.FromResult(telegram.Pending == 0),
            () => Task.FromResult<long>(telegram.Confirmed), Stall, () => $"{telegram.Pending} updates unconfirmed");
        telegram.Record();
        Log($"Telegram drained: {telegram.Confirmed} updates confirmed");
        var mails = Ledger.Inbound.Count(i => i.Value == ChannelNames.Email);
        await Progress.UntilAsync(async () => await reader.ConversationCountAsync(ChannelNames.Email) >= mails,
            async () => await reader.ConversationCountAsync(ChannelNames.Email), Stall,
            () => $"waiting for {mails} mails to be stored{Environment.NewLine}{Tail()}", TimeSpan.FromSeconds(1));
        Log($"mail drained: {mails} stored");
        var replied = Ledger.Replies.Values.Select(r => r.ConversationId).ToHashSet(StringComparer.Ordinal);
        await Progress.UntilAsync(async () => await reader.PendingRepliesAsync(replied) == 0,
            async () => -await reader.PendingRepliesAsync(replied), Stall,
            () => $"replies still pending{Environment.NewLine}{Tail()}", TimeSpan.FromSeconds(1));
    }

    private Dictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string>
        {
            ["Omnichannel:Store:DataDirectory"] = _data,
            ["Omnichannel:Store:Embedded:MemoryLimit"] = "256m",
            ["Omnichannel:Blobs:Directory"] = Path.Combine(_data, "blobs"),
            ["Omnichannel:RateLimits:InboundPerSecond"] = "0",
        };
        store.Configure(settings);
        var bot = "Omnichannel:Channels:Telegram:Bots:0:";
        settings["Omnichannel:Channels:Telegram:PollTimeoutSeconds"] = "1";
        settings["Omnichannel:Channels:Telegram:PollerLeaseSeconds"] = "6";
        settings[bot + "Name"] = "support";
        settings[bot + "Token"] = BotApiEmulator.Token;
        settings[bot + "Mode"] = "Polling";
        settings[bot + "ApiBaseUrl"] = _api!.BaseUrl;
        var box = "Omnichannel:Channels:Email:Mailboxes:0:";
        settings[box + "Name"] = "support";
        settings[box + "ImapHost"] = "127.0.0.1";
        settings[box + "ImapPort"] = mail.ImapPort.ToString(CultureInfo.InvariantCulture);
        settings[box + "ImapSecurity"] = "None";
        settings[box + "Username"] = _mailbox;
        settings[box + "Password"] = MailServers.Password;
        settings[box + "SmtpHost"] = "127.0.0.1";
        settings[box + "SmtpPort"] = mail.SubmissionPort.ToString(CultureInfo.InvariantCulture);
        settings[box + "SmtpSecurity"] = "None";
        settings[box + "FromAddress"] = _mailbox;
        settings[box + "ImportExisting"] = "All";
        settings[box + "ReconnectDelay"] = "00:00:00.200";
        settings[box + "MaxReconnectDelay"] = "00:00:01";
        settings[box + "LeaseLifetime"] = "00:00:06";
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopTaking.CancelAsync();
        await _abort.CancelAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _team?.Dispose();
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        _stopTaking.Dispose();
        _abort.Dispose();
        TempDirectories.Delete(_data);
    }
}

/// <summary>The store the server runs on: the embedded Garnet in its data folder, or a redis-server.</summary>
internal sealed class CrashStore : IDisposable
{
    private readonly RedisServerProcess? _redis;

    private CrashStore(RedisServerProcess? redis) => _redis = redis;

    public string Name => _redis is null ? "embedded" : "redis";

    public static CrashStore Embedded() => new(null);

    /// <summary>A redis-server that loses nothing it acknowledged: each write fsynced to its AOF.</summary>
    public static CrashStore RedisWithAof() =>
        new(RedisServerProcess.Start(["--appendonly", "yes", "--appendfsync", "always"]));

    public void Configure(Dictionary<string, string> settings)
    {
        settings["Omnichannel:Store:Redis"] = _redis?.ConnectionString ?? "";
        settings["Omnichannel:Store:Workspace"] = _redis is null ? "default" : StoreServers.NewWorkspace();
    }

    public void Dispose() => _redis?.Dispose();
}
