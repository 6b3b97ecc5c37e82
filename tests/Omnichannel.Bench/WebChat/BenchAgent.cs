using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Omnichannel.Bench.WebChat;

/// <summary>
/// The one agent who answers the web chat: created by the bootstrap admin, on an always-on shift in the default queue,
/// online, and connected to <c>/hubs/agent</c> with its sign-in cookie. Notes when each visitor message reaches it.
/// </summary>
internal sealed class BenchAgent : IAsyncDisposable
{
    private const string Email = "bench-agent@example.test";
    private const string Password = "bench-agent-password-1";
    private static readonly string[] Week = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    private readonly HubConnection _hub;

    private BenchAgent(HubConnection hub)
    {
        _hub = hub;
        _hub.On<AgentEventBody>("Event", e =>
        {
            if (e.Type == "message.created" && e.Message is { } message)
            {
                Arrivals.TryAdd(message.Text, Stopwatch.GetTimestamp());
            }
        });
    }

    /// <summary>Message text → when its <c>message.created</c> event reached the agent (Stopwatch timestamp).</summary>
    public ConcurrentDictionary<string, long> Arrivals { get; } = new(StringComparer.Ordinal);

    public static async Task<BenchAgent> StartAsync(Uri baseAddress, CancellationToken ct)
    {
        using var admin = new HttpClient(new SocketsHttpHandler { UseCookies = true }) { BaseAddress = baseAddress };
        await OkAsync(admin.PostAsJsonAsync("api/auth/login", new { email = ServerProcess.AdminEmail, password = ServerProcess.AdminPassword }, ct), "Signing in as admin");
        var created = await OkAsync(admin.PostAsJsonAsync("api/agents",
            new { email = Email, name = "Bench Agent", password = Password, role = "agent", capacity = WebChatOptions.MaxConversations, queues = new[] { "default" } }, ct), "Creating the agent");
        var id = (await created.Content.ReadFromJsonAsync<IdOnly>(ct))!.Id;
        var shift = new { name = "Always", timeZone = "UTC", periods = new[] { new { days = Week, start = "00:00", end = "24:00" } }, members = new[] { id } };
        await OkAsync(admin.PutAsJsonAsync("api/shifts/always", shift, ct), "Creating the shift");
        await OkAsync(admin.PutAsJsonAsync("api/queues/default", new { name = "Default", policy = "round-robin", members = new[] { id } }, ct), "Setting up the queue");

        using var agent = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = baseAddress };
        var login = await OkAsync(agent.PostAsJsonAsync("api/auth/login", new { email = Email, password = Password }, ct), "Signing in as the agent");
        var cookie = login.Headers.GetValues("Set-Cookie").First(c => c.Contains('=', StringComparison.Ordinal)).Split(';')[0];
        using var online = new HttpRequestMessage(HttpMethod.Put, "api/agents/me/availability") { Content = JsonContent.Create(new { status = "online" }) };
        online.Headers.Add("Cookie", cookie);
        await OkAsync(agent.SendAsync(online, ct), "Going online");

        var hub = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, "hubs/agent"), o => o.Headers["Cookie"] = cookie).Build();
        var bench = new BenchAgent(hub);
        await hub.StartAsync(ct);
        return bench;
    }

    private static async Task<HttpResponseMessage> OkAsync(Task<HttpResponseMessage> call, string what)
    {
        var response = await call;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} failed: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }

    private sealed record IdOnly(string Id);

    public ValueTask DisposeAsync() => _hub.DisposeAsync();
}
