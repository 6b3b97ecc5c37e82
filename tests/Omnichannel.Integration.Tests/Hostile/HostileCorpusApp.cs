using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Integration.Tests.Telegram;
using Omnichannel.Redis;
using Omnichannel.Server.Channels.WebChat;
using Omnichannel.Server.Realtime;
using StackExchange.Redis;

namespace Omnichannel.Integration.Tests.Hostile;

/// <summary>
/// One server for the whole corpus, on Kestrel (raw bodies and hubs need a socket) and the shared Garnet, with a
/// webhook-mode Telegram bot, one agent, a lead, tokens and one conversation the cases may name. Rate limits are off:
/// the corpus is about what one request can do, and 150 sign-in attempts from one address would be throttled.
/// </summary>
public sealed class HostileCorpusApp : IAsyncLifetime
{
    public const string TelegramSecret = "wh-Corpus_0123456789";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, Action<HttpRequestMessage>> _credentials = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _placeholders = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);
    private InboxApp? _app;
    private BotApiEmulator? _telegram;
    private string? _blobs;
    private string _baseUrl = "";

    public HttpClient Http { get; } = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });

    public async Task StartAsync(StoreServers servers)
    {
        await _gate.WaitAsync();
        try
        {
            if (_app is null)
            {
                await StartCoreAsync(servers);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task StartCoreAsync(StoreServers servers)
    {
        _telegram = await BotApiEmulator.StartAsync();
        _blobs = TempDirectories.Create("oc-hostile-blobs-");
        _app = new InboxApp(servers.For(StoreServers.Garnet).Redis, StoreServers.NewWorkspace())
        {
            Settings =
            {
                ["Omnichannel:RateLimits:LoginPerMinute"] = "0",
                ["Omnichannel:RateLimits:InboundPerSecond"] = "0",
                ["Omnichannel:Blobs:Directory"] = _blobs,
                ["Omnichannel:Channels:Telegram:Bots:0:Name"] = "corpus",
                ["Omnichannel:Channels:Telegram:Bots:0:Token"] = BotApiEmulator.Token,
                ["Omnichannel:Channels:Telegram:Bots:0:Mode"] = "Webhook",
                ["Omnichannel:Channels:Telegram:Bots:0:ApiBaseUrl"] = _telegram.BaseUrl,
                ["Omnichannel:Channels:Telegram:Bots:0:WebhookUrl"] = "http://localhost/api/channels/telegram/corpus/webhook",
                ["Omnichannel:Channels:Telegram:Bots:0:WebhookSecret"] = TelegramSecret,
            },
        };
        _baseUrl = _app.StartKestrel();
        Http.BaseAddress = new Uri(_baseUrl);

        var (lead, ids, _, integration) = await AssignmentApiTests.SetUpAsync(_app, agents: 1, capacity: 5);
        var admin = await _app.SignInAsAdminAsync();
        var inbound = await InboxApp.PostInboundAsync(integration, "corpus-1", "cust-corpus", "hello");
        var conversation = await lead.GetFromJsonAsync<ConversationBody>($"/api/conversations/{inbound.ConversationId}");
        _placeholders["{conversation}"] = inbound.ConversationId;
        _placeholders["{message}"] = inbound.MessageId;
        _placeholders["{contact}"] = conversation!.ContactId;
        _placeholders["{agent}"] = ids[0];

        foreach (var (who, email, password) in new[]
                 {
                     ("agent", "agent0@example.test", InboxApp.AgentPassword),
                     ("lead", "lead@example.test", InboxApp.AgentPassword),
                     ("admin", InboxApp.AdminEmail, InboxApp.AdminPassword),
                 })
        {
            var login = await Http.PostAsJsonAsync("/api/auth/login", new { email, password });
            login.EnsureSuccessStatusCode();
            var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
            _credentials[who] = request => request.Headers.Add("Cookie", cookie);
        }

        await AddTokenAsync(admin, "inbound", ["inbound"]);
        await AddTokenAsync(admin, "reader", ["conversations:read"]);
        _credentials["anonymous"] = _ => { };
        _credentials["telegram"] = request => request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", TelegramSecret);
    }

    /// <summary>A fresh web chat visitor's token (a visitor's send budget is small; each case gets its own).</summary>
    public async Task<string> NewVisitorAsync()
    {
        var response = await Http.PostAsJsonAsync("/api/webchat/sessions", new { site = "default", name = "Corpus visitor" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<VisitorSession>())!.VisitorToken;
    }

    public string Fill(string text)
    {
        foreach (var (placeholder, value) in _placeholders)
        {
            text = text.Replace(placeholder, value, StringComparison.Ordinal);
        }

        return text;
    }

    public async Task<HttpResponseMessage> SendAsync(HostileCase hostile, string? visitorToken)
    {
        var request = new HttpRequestMessage(new HttpMethod(hostile.Method), Fill(hostile.Path));
        if (hostile.Body() is { } body)
        {
            var filled = hostile.Spec["base64"] is null ? System.Text.Encoding.UTF8.GetBytes(Fill(System.Text.Encoding.UTF8.GetString(body))) : body;
            request.Content = new ByteArrayContent(filled);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", hostile.ContentType);
            // A big body waits for "100 Continue": the server refuses by its announced length without reading it, and
            // the client is not cut off mid-send (a broken pipe instead of the 413).
            request.Headers.ExpectContinue = filled.Length > 64 * 1024;
        }

        if (visitorToken is not null)
        {
            request.Headers.Add(WebChatAttachmentsApi.TokenHeader, visitorToken);
        }
        else
        {
            _credentials[hostile.As](request);
        }

        foreach (var (name, value) in hostile.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, Fill(value));
        }

        return await Http.SendAsync(request);
    }

    /// <summary>A hub connection as the case's caller: the visitor hub with a fresh visitor, the agent hub with a cookie.</summary>
    public async Task<HubConnection> ConnectAsync(string hub, string who, string? visitorToken)
    {
        var query = visitorToken is null ? "" : "?visitor_token=" + Uri.EscapeDataString(visitorToken);
        var connection = new HubConnectionBuilder()
            .WithUrl(_baseUrl + "/hubs/" + hub + query, o =>
            {
                if (visitorToken is null)
                {
                    using var probe = new HttpRequestMessage();
                    _credentials[who](probe);
                    if (probe.Headers.TryGetValues("Cookie", out var cookie))
                    {
                        o.Headers["Cookie"] = cookie.Single();
                    }
                }
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(RealtimeRegistration.EnumsAsStrings))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>
    /// Every key of the workspace with its whole content: what a refused request must leave as it was. Taken once the
    /// previous case's visitor connections are gone on the server too (their going offline is a write of its own).
    /// </summary>
    public async Task<Dictionary<string, string>> FingerprintAsync()
    {
        var presence = _app!.Services.GetRequiredService<VisitorPresence>();
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        while (presence.ConnectedVisitors > 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        var connection = _app!.Services.GetRequiredService<RedisConnection>();
        var prefix = connection.Keys.Prefix;
        var db = await connection.DatabaseAsync();
        var dump = await StoreDump.DumpAsync(db, prefix);
        foreach (var key in dump.Keys)
        {
            // Keys that expire by themselves (a viewer entry, a typing mark, a throttle) may vanish between two
            // fingerprints without any request writing: remember when each is due to go (the server's real clock).
            if (await db.KeyTimeToLiveAsync(key) is { } ttl)
            {
                _expiries[key[prefix.Length..]] = DateTimeOffset.UtcNow + ttl;
            }
        }

        return dump.ToDictionary(e => e.Key[prefix.Length..], e => e.Value, StringComparer.Ordinal);
    }

    /// <summary>Whether the key was due to expire by now: its disappearing is the store's doing, not a request's.</summary>
    public bool ExpiredByItself(string key) =>
        _expiries.TryGetValue(key, out var at) && at <= DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(100);

    private async Task AddTokenAsync(HttpClient admin, string who, string[] scopes)
    {
        var token = await (await admin.PostAsJsonAsync("/api/tokens", new { name = who, scopes })).Content.ReadFromJsonAsync<TokenBody>();
        _credentials[who] = request => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token!.Token);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_telegram is not null)
        {
            await _telegram.DisposeAsync();
        }

        TempDirectories.Delete(_blobs);
    }

    private sealed record VisitorSession(string VisitorToken);
}
