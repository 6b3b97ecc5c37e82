using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Api;

/// <summary>
/// The real server (the whole host: auth, endpoints, mediator, store) over HTTP, on a real store: one of the shared
/// test servers with a fresh workspace, or (with <paramref name="dataDirectory"/>) its own embedded Garnet.
/// The clock is a <see cref="FakeTimeProvider"/> so lockouts and snoozes can be tested without waiting.
/// </summary>
public sealed class InboxApp(string? redisConnectionString, string workspace, string? dataDirectory = null) : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@example.test";
    public const string AdminPassword = "admin-password-1";
    public const string AgentPassword = "agent-password-1";

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Keeps the system clock (for tests of real servers' timing, e.g. IMAP IDLE); <see cref="Time"/> is then unused.</summary>
    public bool RealClock { get; init; }

    /// <summary>More configuration, e.g. <c>Omnichannel:Channels:Api:WebhookUrl</c>.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    public static InboxApp On(StoreServers servers, string backend = StoreServers.Garnet) =>
        new(servers.For(backend).Redis, StoreServers.NewWorkspace());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Omnichannel:Store:Redis", redisConnectionString ?? "");
        builder.UseSetting("Omnichannel:Store:Workspace", workspace);
        if (dataDirectory is not null)
        {
            builder.UseSetting("Omnichannel:Store:DataDirectory", dataDirectory);
            builder.UseSetting("Omnichannel:Store:Embedded:MemoryLimit", "256m");
        }

        builder.UseSetting("Omnichannel:Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Omnichannel:Bootstrap:AdminPassword", AdminPassword);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (!RealClock)
        {
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time)));
        }
    }

    /// <summary>A client with its own cookie jar, signed in as the given agent.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, BaseAddress = ClientOptions.BaseAddress });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    public Task<HttpClient> SignInAsAdminAsync() => SignInAsync(AdminEmail, AdminPassword);

    /// <summary>Creates an agent through the admin API; returns its id.</summary>
    public async Task<string> CreateAgentAsync(HttpClient admin, string email, string role = "agent", string[]? queues = null)
    {
        var response = await admin.PostAsJsonAsync("/api/agents", new { email, name = email.Split('@')[0], password = AgentPassword, role, capacity = 5, queues = queues ?? ["default"] });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<IdBody>())!.Id;
    }

    /// <summary>Creates an API token through the admin API; returns a client that sends it.</summary>
    public async Task<HttpClient> TokenClientAsync(HttpClient admin, params string[] scopes)
    {
        var response = await admin.PostAsJsonAsync("/api/tokens", new { name = "test", scopes });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<TokenBody>();
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, BaseAddress = ClientOptions.BaseAddress });
        client.DefaultRequestHeaders.Authorization = new("Bearer", token!.Token);
        return client;
    }

    public static async Task<InboundBody> PostInboundAsync(HttpClient integration, string sourceId, string customer, string text, string? threadKey = null, string? queue = null)
    {
        var response = await integration.PostAsJsonAsync("/api/inbound", new { sourceId, contact = new { identifier = customer, name = customer }, threadKey, text, queue });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"inbound answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<InboundBody>())!;
    }
}

public sealed record IdBody(string Id);

public sealed record TokenBody(string Id, string Token);

public sealed record InboundBody(string ConversationId, string MessageId);

public sealed record ConversationBody(string Id, string Channel, string Status, string? AssigneeId, string ContactId, string Queue, DateTimeOffset LastActivityAt, DateTimeOffset? FirstResponseAt, DateTimeOffset? SnoozedUntil);

public sealed record MessageBody(string Id, string Direction, string Text, DateTimeOffset CreatedAt, bool Private, string Delivery, string AuthorKind, string? AuthorId);

public sealed record PageBody<T>(List<T> Items, string? NextCursor);

public sealed record ProblemBody(int Status, string? Title, string? Detail, Dictionary<string, string[]>? Errors);
