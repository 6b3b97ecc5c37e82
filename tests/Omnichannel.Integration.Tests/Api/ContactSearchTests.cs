using System.Net;
using System.Net.Http.Json;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Api;

/// <summary>
/// <c>GET /api/contacts?q=</c>, the contact picker of a merge: an exact verified email or part of a name or email,
/// each hit judged by the access rule, bad input refused with a 400 naming the field.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class ContactSearchTests(StoreServers servers)
{
    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Contacts_are_found_by_email_or_name_among_those_the_caller_may_see(string backend)
    {
        await using var app = InboxApp.On(servers, backend);
        var admin = await app.SignInAsAdminAsync();
        (await admin.PutAsJsonAsync("/api/queues/other", new { name = "Other" })).EnsureSuccessStatusCode();
        await app.CreateAgentAsync(admin, "cy@example.test", queues: ["default"]);
        await app.CreateAgentAsync(admin, "bo@example.test", queues: ["other"]);
        var integration = await app.TokenClientAsync(admin, "inbound");
        await PostAsync(integration, "s1", "crm-ana", "Ana Lima", "ana@example.com", "default");
        await PostAsync(integration, "s2", "crm-anabel", "Anabel", null, "default");
        await PostAsync(integration, "s3", "crm-bob", "Bob", "bob@example.com", "other");

        var byEmail = await SearchAsync(admin, "ANA@example.com");
        Assert.Equal("Ana Lima", byEmail[0].Name);
        Assert.Equal(["Ana Lima", "Anabel"], (await SearchAsync(admin, "ana")).Select(c => c.Name).Order());
        Assert.Equal(["Bob"], (await SearchAsync(admin, "bob@")).Select(c => c.Name));
        Assert.Single(await SearchAsync(admin, "an", limit: 1));

        // Agents find only contacts with a conversation they may see.
        var cy = await app.SignInAsync("cy@example.test", InboxApp.AgentPassword);
        var bo = await app.SignInAsync("bo@example.test", InboxApp.AgentPassword);
        Assert.Equal(2, (await SearchAsync(cy, "ana")).Count);
        Assert.Empty(await SearchAsync(bo, "ana"));
        Assert.Empty(await SearchAsync(cy, "bob"));
        Assert.Equal(["Bob"], (await SearchAsync(bo, "bob")).Select(c => c.Name));

        // A contact merged into another is no longer offered.
        var anabel = (await SearchAsync(admin, "anabel")).Single().Id;
        var ana = byEmail[0].Id;
        (await admin.PostAsJsonAsync($"/api/contacts/{ana}/merge", new { from = anabel })).EnsureSuccessStatusCode();
        Assert.Equal([ana], (await SearchAsync(admin, "ana")).Select(c => c.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?q=")]
    [InlineData("?q=a")]
    [InlineData("?q=%20%20a%20")]
    [InlineData("?q=ana%00")]
    [InlineData("?q=ana&limit=0")]
    [InlineData("?q=ana&limit=51")]
    public async Task A_bad_query_is_refused_and_names_the_field(string query)
    {
        await using var app = InboxApp.On(servers);
        var admin = await app.SignInAsAdminAsync();
        var tooLong = query == "" ? "?q=" + new string('a', 101) : query;

        foreach (var url in new[] { "/api/contacts" + query, "/api/contacts" + tooLong })
        {
            var response = await admin.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<ProblemBody>();
            Assert.True(problem!.Errors.ContainsKey("q") || problem.Errors.ContainsKey("limit"), url);
        }
    }

    private static async Task PostAsync(HttpClient integration, string sourceId, string identifier, string name,
        string? email, string queue)
    {
        var response = await integration.PostAsJsonAsync("/api/inbound",
            new { sourceId, contact = new { identifier, name, email }, text = "hello", queue });
        response.EnsureSuccessStatusCode();
    }

    private static async Task<IReadOnlyList<ContactBody>> SearchAsync(HttpClient client, string q, int limit = 20)
    {
        var response = await client.GetAsync($"/api/contacts?q={Uri.EscapeDataString(q)}&limit={limit}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SearchBody>())!.Items;
    }

    private sealed record SearchBody(IReadOnlyList<ContactBody> Items);

    private sealed record ContactBody(string Id, string? Name, string? Email);

    private sealed record ProblemBody(Dictionary<string, string[]> Errors);
}
