using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Omnichannel.Core.Model;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Omnichannel.Integration.Tests.Crash;

/// <summary>
/// The team: agents on an always-on shift in the default queue (so new conversations are assigned while the server
/// is killed), and an admin replying over REST to email, Telegram and web chat conversations and now and then
/// rebalancing the queue (moves). A reply is not retried: its POST is not idempotent, so one whose answer was cut
/// off is in the ledger as tried, and the store may hold it or not, but at most once.
/// </summary>
internal sealed class ReplyDriver(Uri server, CrashLedger ledger, ITestOutputHelper output) : IDisposable
{
    public const int Agents = 3;
    private const string AgentPassword = "agent-password-123";
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(200);
    private static readonly string[] Week = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private static readonly string[] Channels = [ChannelNames.Email, ChannelNames.Telegram, ChannelNames.WebChat];

    private readonly List<HttpClient> _agents = [];
    private HttpClient _admin = null!;

    /// <summary>The admin's signed-in client (its cookie outlives restarts: sessions, keys are stored).</summary>
    public HttpClient Admin => _admin;

    public IReadOnlyList<HttpClient> AgentClients => _agents;

    /// <summary>Creates the team and an <c>inbound</c> token; returns the token.</summary>
    public async Task<string> SetUpAsync()
    {
        _admin = await SignInAsync(ServerProcess.AdminEmail, ServerProcess.AdminPassword);
        var ids = new List<string>();
        for (var i = 0; i < Agents; i++)
        {
            var created = await _admin.PostAsJsonAsync("/api/agents", new
            {
                email = Email(i),
                name = "Agent " + i.ToString(CultureInfo.InvariantCulture),
                password = AgentPassword,
                role = "agent",
                capacity = 40,
                queues = new[] { "default" },
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            ids.Add((await created.Content.ReadFromJsonAsync<IdBody>())!.Id);
        }

        var shift = new
        {
            name = "Always",
            timeZone = "Europe/Berlin",
            members = ids,
            periods = new[] { new { days = Week, start = "00:00", end = "24:00" } },
        };
        (await _admin.PutAsJsonAsync("/api/shifts/always", shift)).EnsureSuccessStatusCode();
        (await _admin.PutAsJsonAsync("/api/queues/default",
            new { name = "Default", policy = "round-robin", members = ids })).EnsureSuccessStatusCode();
        for (var i = 0; i < Agents; i++)
        {
            _agents.Add(await SignInAsync(Email(i), AgentPassword));
        }

        await KeepOnlineAsync(CancellationToken.None);
        var token = await _admin.PostAsJsonAsync("/api/tokens", new { name = "crash", scopes = new[] { "inbound" } });
        Assert.Equal(HttpStatusCode.Created, token.StatusCode);
        return (await token.Content.ReadFromJsonAsync<TokenBody>())!.Token;
    }

    public async Task RunAsync(CancellationToken stopTaking, CancellationToken abort)
    {
        var random = new Random();
        for (var n = 0; !stopTaking.IsCancellationRequested; n++)
        {
            try
            {
                if (n % 10 == 0)
                {
                    await KeepOnlineAsync(abort);
                    await FindTargetsAsync(abort);
                }

                var channel = Channels[n % Channels.Length];
                var targets = ledger.Targets().Where(t => t.Channel == channel).ToList();
                if (targets.Count > 0)
                {
                    var (conversation, _) = targets[random.Next(targets.Count)];
                    await ReplyAsync(conversation, channel, n, abort);
                }

                if (n % 15 == 7)
                {
                    using var moved = await _admin.PostAsJsonAsync("/api/queues/default/rebalance",
                        new { dryRun = false }, abort);
                }
            }
            catch (Exception ex) when (!abort.IsCancellationRequested && Progress.IsConnectionLoss(ex))
            {
                // Killed mid-request: the ledger says what was tried.
                await UntilServerAnswersAsync(abort);
            }

            await Task.Delay(Pace, abort);
        }
    }

    private async Task ReplyAsync(string conversation, string channel, int n, CancellationToken abort)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"reply {ledger.Run} {n} {channel}");
        ledger.ReplyTried(text, channel, conversation);
        using var response = await _admin.PostAsJsonAsync($"/api/conversations/{conversation}/messages",
            new { text }, abort);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            ledger.ReplyAnswered(text, (await response.Content.ReadFromJsonAsync<IdBody>(abort))!.Id);
        }
        else
        {
            // Not a connection cut: the server answered no. Shown, as it means fewer replies were tested.
            output.WriteLine($"{text}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(abort)}");
        }
    }

    // Email and Telegram conversations are only known from the store: the newest page of them.
    private async Task FindTargetsAsync(CancellationToken abort)
    {
        var page = await _admin.GetFromJsonAsync<PageBody<ConversationBody>>(
            "/api/conversations?view=all&limit=100", abort);
        foreach (var conversation in page!.Items.Where(c => c.Channel is ChannelNames.Email or ChannelNames.Telegram))
        {
            ledger.Target(conversation.Channel, conversation.Id);
        }
    }

    // Replies only while a server listens: one tried while it is down is no test of anything.
    private async Task UntilServerAnswersAsync(CancellationToken abort)
    {
        await Progress.RetryAsync(async () =>
        {
            using var live = await _admin.GetAsync("/health/live", abort);
            return live.IsSuccessStatusCode;
        }, abort);
    }

    private async Task KeepOnlineAsync(CancellationToken abort)
    {
        foreach (var agent in _agents)
        {
            using var response = await agent.PutAsJsonAsync("/api/agents/me/availability",
                new { status = "online" }, abort);
            response.EnsureSuccessStatusCode();
        }
    }

    private async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = true })
        {
            BaseAddress = server,
            Timeout = TimeSpan.FromSeconds(10),
        };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    private static string Email(int i) => "agent" + i.ToString(CultureInfo.InvariantCulture) + "@example.test";

    public void Dispose()
    {
        _admin?.Dispose();
        _agents.ForEach(a => a.Dispose());
    }
}
