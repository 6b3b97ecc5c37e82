using System.Net;
using System.Net.Http.Json;
using System.Text;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Security;

/// <summary>
/// Ids that name keys, enum values and sizes are checked by the one validator before anything touches the store:
/// a clear 400 (or 413) naming the field, and nothing stored. Each case answered 500 or was stored before.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class HostileInputTests(StoreServers servers)
{
    [Theory]
    [InlineData("default:members")]
    [InlineData("Default")]
    [InlineData("default\n")]
    [InlineData("../default")]
    public async Task A_queue_id_that_is_not_a_slug_is_refused_on_inbound_and_nothing_is_stored(string queue)
    {
        await using var app = InboxApp.On(servers);
        var admin = await app.SignInAsAdminAsync();
        var integration = await app.TokenClientAsync(admin, "inbound");

        var response = await integration.PostAsJsonAsync("/api/inbound",
            new { sourceId = "q-1", contact = new { identifier = "mallory" }, text = "hi", queue });

        await AssertRefusedAsync(response, "queue");
        var page = await admin.GetFromJsonAsync<PageBody<ConversationBody>>("/api/conversations?view=all");
        Assert.Empty(page!.Items);
    }

    [Fact]
    public async Task A_site_naming_a_queue_or_shift_that_is_not_a_slug_is_refused()
    {
        await using var app = InboxApp.On(servers);
        var admin = await app.SignInAsAdminAsync();

        await AssertRefusedAsync(await admin.PutAsJsonAsync("/api/sites/default", new { queue = "default:members" }), "queue");
        await AssertRefusedAsync(await admin.PutAsJsonAsync("/api/sites/default", new { hoursShiftId = "x:y" }), "hoursShiftId");
        var site = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/sites/default");
        Assert.Equal("default", site.GetProperty("queue").GetString());
    }

    [Fact]
    public async Task An_agent_role_that_does_not_exist_is_refused_and_nothing_changes()
    {
        await using var app = InboxApp.On(servers);
        var admin = await app.SignInAsAdminAsync();

        await AssertRefusedAsync(await admin.PostAsJsonAsync("/api/agents",
            new { email = "eve@example.test", name = "Eve", password = InboxApp.AgentPassword, role = 99 }), "role");
        var id = await app.CreateAgentAsync(admin, "ana@example.test");
        await AssertRefusedAsync(await admin.PutAsJsonAsync($"/api/agents/{id}", new { role = 99 }), "role");
        await AssertRefusedAsync(await admin.PutAsJsonAsync($"/api/agents/{id}", new { queues = new[] { "default:members" } }), "queues[0]");

        var agents = await admin.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/agents");
        Assert.DoesNotContain(agents!, a => a.GetProperty("email").GetString() == "eve@example.test");
        var ana = agents!.Single(a => a.GetProperty("id").GetString() == id);
        Assert.Equal("agent", ana.GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_ten_megabyte_sign_in_is_refused_before_it_is_read()
    {
        await using var app = InboxApp.On(servers);
        var url = app.StartKestrel();
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        // Announce 10 MB and send the first 64 KiB: the server answers without reading the rest.
        var uri = new Uri(url);
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        var stream = tcp.GetStream();
        const int Announced = 10 * 1024 * 1024;
        var head = $"POST /api/auth/login HTTP/1.1\r\nHost: {uri.Authority}\r\nContent-Type: application/json\r\n"
            + $"Content-Length: {Announced}\r\n\r\n{{\"email\":\"";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(Encoding.ASCII.GetBytes(new string('a', 64 * 1024)));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync();
        Assert.StartsWith("HTTP/1.1 413", statusLine, StringComparison.Ordinal);
        string? line;
        var contentType = "";
        while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync()))
        {
            if (line.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))
            {
                contentType = line;
            }
        }

        Assert.Contains("application/problem+json", contentType, StringComparison.Ordinal);
        // A long (but small) email is refused by its length, before the throttle writes a key for it.
        var longEmail = await http.PostAsJsonAsync("/api/auth/login", new { email = new string('a', 300) + "@example.test", password = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, longEmail.StatusCode);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>();
        Assert.True(problem!.Errors?.ContainsKey(field), $"no error for {field}: {await response.Content.ReadAsStringAsync()}");
    }
}
