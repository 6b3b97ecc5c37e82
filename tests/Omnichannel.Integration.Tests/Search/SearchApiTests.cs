using System.Net;
using System.Net.Http.Json;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Omnichannel.Integration.Tests.Search;

/// <summary>
/// <c>GET /api/search</c> over conversations ingested through the API channel: by message word, contact email and
/// order number, with filters, the access rule (agents see their queues', integrations no notes), paging, and a new
/// message found within about a second.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class SearchApiTests(StoreServers servers, ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Conversations_are_found_by_message_words_contact_email_and_order_number(string backend)
    {
        await using var app = InboxApp.On(servers, backend);
        var admin = await app.SignInAsAdminAsync();
        var (ana, bob, cy) = await SeedAsync(app, admin);

        Assert.Equal([ana], await SearchClient.IdsAsync(admin, "arrived"));
        Assert.Equal([ana], await SearchClient.IdsAsync(admin, "ana@example.com"));
        Assert.Equal([ana], await SearchClient.IdsAsync(admin, "A-10023"));
        Assert.Equal([ana, bob], (await SearchClient.IdsAsync(admin, "10023")).Order());
        Assert.Equal([bob], await SearchClient.IdsAsync(admin, "#10023 refund"));
        Assert.Equal([cy], await SearchClient.IdsAsync(admin, "invo*"));
        Assert.Equal([ana], await SearchClient.IdsAsync(admin, "\"has not arrived\""));
        Assert.Empty(await SearchClient.IdsAsync(admin, "\"arrived not\""));
        Assert.Empty(await SearchClient.IdsAsync(admin, "B-10023"));

        var hit = (await SearchClient.PageAsync(admin, "A-10023")).Items.Single();
        Assert.Equal("conversation", hit.Kind);
        Assert.Equal("Delivery late", hit.Title);
        Assert.Contains("A-10023", hit.Snippet, StringComparison.Ordinal);
        Assert.Equal("Bob Stone", (await SearchClient.PageAsync(admin, "refund")).Items.Single().Title);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Filters_narrow_the_hits_and_every_hit_obeys_the_access_rule(string backend)
    {
        await using var app = InboxApp.On(servers, backend);
        var admin = await app.SignInAsAdminAsync();
        var (ana, bob, cy) = await SeedAsync(app, admin);

        Assert.Equal([bob], await SearchClient.IdsAsync(admin, "10023", "&queue=other"));
        Assert.Equal([ana, bob], (await SearchClient.IdsAsync(admin, "10023", "&channel=api&status=open&assignee=none")).Order());
        Assert.Empty(await SearchClient.IdsAsync(admin, "10023", "&status=resolved"));
        Assert.Empty(await SearchClient.IdsAsync(admin, "10023", "&channel=email"));
        Assert.Empty(await SearchClient.IdsAsync(admin, "10023", "&label=vip"));
        var tomorrow = DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-dd");
        Assert.Empty(await SearchClient.IdsAsync(admin, "10023", "&from=" + tomorrow));
        Assert.Equal(2, (await SearchClient.IdsAsync(admin, "10023", "&to=" + tomorrow)).Count);

        // Agents find the unassigned conversations of their own queues only.
        await app.CreateAgentAsync(admin, "dee@example.test", queues: ["default"]);
        var otherAgent = await app.CreateAgentAsync(admin, "eve@example.test", queues: ["other"]);
        var dee = await app.SignInAsync("dee@example.test", InboxApp.AgentPassword);
        var eve = await app.SignInAsync("eve@example.test", InboxApp.AgentPassword);
        Assert.Equal([ana], await SearchClient.IdsAsync(dee, "10023"));
        Assert.Equal([bob], await SearchClient.IdsAsync(eve, "10023"));

        // The state now, not the index's: once ana's conversation is eve's, dee no longer finds it and eve does.
        (await admin.PostAsJsonAsync($"/api/conversations/{ana}/assign", new { agentId = otherAgent })).EnsureSuccessStatusCode();
        Assert.Empty(await SearchClient.IdsAsync(dee, "10023"));
        Assert.Equal([ana, bob], (await SearchClient.IdsAsync(eve, "10023")).Order());
        await SearchClient.UntilFoundAsync(admin, "10023", ana, "&assignee=" + otherAgent);

        // A private note is found by agents who see the conversation, never by an integration.
        (await admin.PostAsJsonAsync($"/api/conversations/{cy}/messages", new { text = "Customer is a zebra fan", @private = true }))
            .EnsureSuccessStatusCode();
        await SearchClient.UntilFoundAsync(admin, "zebra", cy);
        Assert.Equal([cy], await SearchClient.IdsAsync(dee, "zebra"));
        var reader = await app.TokenClientAsync(admin, "conversations:read");
        Assert.Empty(await SearchClient.IdsAsync(reader, "zebra"));
        Assert.Equal([cy], await SearchClient.IdsAsync(reader, "invoice"));
        var inboundOnly = await app.TokenClientAsync(admin, "inbound");
        Assert.Equal(HttpStatusCode.Forbidden, (await inboundOnly.GetAsync("/api/search?q=invoice")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_new_message_is_found_within_a_second(string backend)
    {
        await using var app = InboxApp.On(servers, backend);
        var admin = await app.SignInAsAdminAsync();
        var integration = await app.TokenClientAsync(admin, "inbound");
        await SeedAsync(app, admin);

        var delays = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var word = "fresh" + Guid.NewGuid().ToString("N")[..8];
            var posted = await InboxApp.PostInboundAsync(integration, "new-" + i, "newcomer-" + i, $"Where is my parcel {word}?");
            delays.Add(await SearchClient.UntilFoundAsync(admin, word, posted.ConversationId));
        }

        output.WriteLine("new message findable after: " + string.Join(", ", delays.Select(d => $"{d.TotalMilliseconds:F0} ms")));
        Assert.True(delays.Order().ElementAt(delays.Count / 2) <= TimeSpan.FromSeconds(1), "median over a second");
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Pages_are_full_after_the_access_rule_and_the_cursor_reaches_every_hit_once(string backend)
    {
        await using var app = InboxApp.On(servers, backend);
        var admin = await app.SignInAsAdminAsync();
        (await admin.PutAsJsonAsync("/api/queues/other", new { name = "Other" })).EnsureSuccessStatusCode();
        var integration = await app.TokenClientAsync(admin, "inbound");
        var mine = new List<string>();
        for (var i = 0; i < 24; i++)
        {
            // Every other conversation is in a queue the agent does not work.
            var queue = i % 2 == 0 ? "default" : "other";
            var posted = await PostAsync(integration, "p" + i, "c" + i, $"Customer {i}", null, $"paging word number {i}", null, queue);
            if (queue == "default")
            {
                mine.Add(posted);
            }
        }

        await app.CreateAgentAsync(admin, "pat@example.test", queues: ["default"]);
        var pat = await app.SignInAsync("pat@example.test", InboxApp.AgentPassword);
        await SearchClient.UntilFoundAsync(admin, "paging", mine[^1]);
        Assert.Equal(24, (await SearchClient.IdsAsync(admin, "paging", "&limit=7")).Distinct().Count());

        var first = await SearchClient.PageAsync(pat, "paging", "&limit=5");
        Assert.Equal(5, first.Items.Count);
        Assert.NotNull(first.NextCursor);
        var all = await SearchClient.IdsAsync(pat, "paging", "&limit=5");
        Assert.Equal(mine.Order(), all.Order());
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?q=")]
    [InlineData("?q=%20%20")]
    [InlineData("?q=---")]
    [InlineData("?q=ana%00")]
    [InlineData("?q=ana&limit=0")]
    [InlineData("?q=ana&limit=51")]
    [InlineData("?q=ana&status=closed")]
    [InlineData("?q=ana&channel=fax")]
    [InlineData("?q=ana&queue=Bad:Queue")]
    [InlineData("?q=ana&assignee=a:b")]
    [InlineData("?q=ana&from=yesterday")]
    [InlineData("?q=ana&from=2026-02-01&to=2026-01-01")]
    [InlineData("?q=ana&cursor=abc")]
    [InlineData("?q=ana&cursor=-1")]
    [InlineData("?q=ana&cursor=99999999")]
    public async Task A_bad_query_is_refused_with_a_problem_naming_the_field(string query)
    {
        await using var app = InboxApp.On(servers);
        var admin = await app.SignInAsAdminAsync();
        var response = await admin.GetAsync("/api/search" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>();
        Assert.NotEmpty(problem!.Errors!);

        var tooLong = await admin.GetAsync("/api/search?q=" + new string('a', 201));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    /// <summary>Three customers: Ana (default queue), Bob (queue other), Cy (default); each search finds them.</summary>
    internal static async Task<(string Ana, string Bob, string Cy)> SeedAsync(InboxApp app, HttpClient admin)
    {
        (await admin.PutAsJsonAsync("/api/queues/other", new { name = "Other" })).EnsureSuccessStatusCode();
        var integration = await app.TokenClientAsync(admin, "inbound");
        var ana = await PostAsync(integration, "s1", "crm-ana", "Ana Lima", "ana@example.com",
            "Hello, my order A-10023 has not arrived yet.", "Delivery late", "default");
        var bob = await PostAsync(integration, "s2", "crm-bob", "Bob Stone", "bob@example.com",
            "I want a refund for order #10023, it was broken.", null, "other");
        var cy = await PostAsync(integration, "s3", "crm-cy", "Cy Young", null, "The invoice for March is wrong.", null, "default");
        await SearchClient.UntilFoundAsync(admin, "invoice", cy);
        await SearchClient.UntilFoundAsync(admin, "refund", bob);
        await SearchClient.UntilFoundAsync(admin, "arrived", ana);
        return (ana, bob, cy);
    }

    private static async Task<string> PostAsync(HttpClient integration, string sourceId, string identifier, string name,
        string? email, string text, string? subject, string queue)
    {
        var response = await integration.PostAsJsonAsync("/api/inbound",
            new { sourceId, contact = new { identifier, name, email }, text, subject, queue });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<InboundBody>())!.ConversationId;
    }
}
