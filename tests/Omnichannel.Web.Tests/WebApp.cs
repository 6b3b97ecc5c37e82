using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Omnichannel.Web.Tests;

/// <summary>
/// The whole server on a real Kestrel port (browsers cannot reach the in-memory test server), with its own embedded
/// Garnet in a temporary folder and the real clock: presence, typing and the hub behave as they do for users.
/// </summary>
public sealed class WebApp : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@example.test";
    public const string AdminPassword = "admin-password-1";
    public const string AgentPassword = "agent-password-1";

    private static readonly string[] Week = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "oc-web-" + Guid.NewGuid().ToString("N")[..12]);

    public string BaseUrl { get; private set; } = "";

    public static WebApp Start()
    {
        var app = new WebApp();
        app.UseKestrel(0);
        app.StartServer();
        app.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Omnichannel:Store:Redis", "");
        builder.UseSetting("Omnichannel:Store:DataDirectory", _dataDirectory);
        builder.UseSetting("Omnichannel:Store:Embedded:MemoryLimit", "256m");
        builder.UseSetting("Omnichannel:Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Omnichannel:Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Omnichannel:WebChat:DemoPage", "true");
        builder.UseSetting("Omnichannel:Blobs:Directory", Path.Combine(_dataDirectory, "blobs"));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The store may still hold a file for a moment; the folder is in temp.
        }
    }

    /// <summary>An HTTP client with its own cookie jar, signed in.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = AgentPassword)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(BaseUrl) };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    /// <summary>
    /// A lead and agents (named after <paramref name="names"/>) in the default queue on an always-on shift, and an
    /// integration token for the API channel. Agents are not online yet: their browsers or the test say when.
    /// </summary>
    public async Task<Team> SetUpTeamAsync(params string[] names)
    {
        var admin = await SignInAsync(AdminEmail, AdminPassword);
        await CreateAgentAsync(admin, "lead@example.test", "Lena Lead", "lead");
        var lead = await SignInAsync("lead@example.test");
        var ids = new List<string>();
        foreach (var name in names)
        {
            ids.Add(await CreateAgentAsync(admin, Email(name), name, "agent"));
        }

        var shift = new { name = "Always", timeZone = "Europe/Berlin", periods = new[] { new { days = Week, start = "00:00", end = "24:00" } }, members = ids };
        (await lead.PutAsJsonAsync("/api/shifts/always", shift)).EnsureSuccessStatusCode();
        (await lead.PutAsJsonAsync("/api/queues/default", new { name = "Default", policy = "round-robin", members = ids })).EnsureSuccessStatusCode();
        var token = await admin.PostAsJsonAsync("/api/tokens", new { name = "crm", scopes = new[] { "inbound" } });
        var secret = (await token.Content.ReadFromJsonAsync<TokenBody>())!.Token;
        var integration = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        integration.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        return new Team(lead, ids, integration);
    }

    public static string Email(string name) => name.Split(' ')[0].ToLowerInvariant() + "@example.test";

    private static async Task<string> CreateAgentAsync(HttpClient admin, string email, string name, string role)
    {
        var response = await admin.PostAsJsonAsync("/api/agents", new { email, name, password = AgentPassword, role, capacity = 5, queues = new[] { "default" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<IdBody>())!.Id;
    }
}

public sealed record Team(HttpClient Lead, List<string> AgentIds, HttpClient Integration)
{
    /// <summary>A customer message through the API channel; returns the conversation id.</summary>
    public async Task<string> PostInboundAsync(string sourceId, string customer, string text, string? subject = null)
    {
        var response = await Integration.PostAsJsonAsync("/api/inbound", new { sourceId, contact = new { identifier = customer, name = customer }, text, subject });
        Assert.True(response.IsSuccessStatusCode, $"inbound answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<InboundBody>())!.ConversationId;
    }

    public async Task<string?> AssigneeAsync(string conversationId) =>
        (await Lead.GetFromJsonAsync<ConversationBody>($"/api/conversations/{conversationId}"))!.AssigneeId;
}

public sealed record IdBody(string Id);

public sealed record TokenBody(string Id, string Token);

public sealed record InboundBody(string ConversationId, string MessageId);

public sealed record ConversationBody(string Id, string? AssigneeId, string Status);
