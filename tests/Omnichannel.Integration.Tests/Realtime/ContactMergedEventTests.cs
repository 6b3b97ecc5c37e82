using System.Net;
using System.Net.Http.Json;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Realtime;

/// <summary>
/// Issue 24: after an agent merges two contacts, open inboxes show the merged contact without a reload. The
/// <c>ContactMerged</c> push goes through the one access rule: each connection hears of the moved conversations it
/// may see, and a connection that sees none of them hears nothing.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class ContactMergedEventTests(StoreServers servers) : IAsyncLifetime
{
    private InboxApp _app = null!;
    private string _baseUrl = null!;

    public Task InitializeAsync()
    {
        _app = InboxApp.On(servers);
        _baseUrl = _app.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Each_agent_hears_of_the_merge_only_for_the_conversations_they_may_see()
    {
        var admin = await _app.SignInAsAdminAsync();
        foreach (var queue in new[] { "other", "third" })
        {
            (await admin.PutAsJsonAsync($"/api/queues/{queue}", new { name = queue })).EnsureSuccessStatusCode();
        }

        await _app.CreateAgentAsync(admin, "cy@example.test", queues: ["default"]);
        await _app.CreateAgentAsync(admin, "bo@example.test", queues: ["other"]);
        await _app.CreateAgentAsync(admin, "di@example.test", queues: ["third"]);
        await using var cy = await HubListener.SignInAsync(_baseUrl, "cy@example.test", InboxApp.AgentPassword);
        await using var bo = await HubListener.SignInAsync(_baseUrl, "bo@example.test", InboxApp.AgentPassword);
        await using var di = await HubListener.SignInAsync(_baseUrl, "di@example.test", InboxApp.AgentPassword);
        await using var lead = await HubListener.SignInAsync(_baseUrl, InboxApp.AdminEmail, InboxApp.AdminPassword);

        // Ana is known; "Ana at home" wrote twice, once in each of two queues (another contact, same person).
        var integration = await _app.TokenClientAsync(admin, "inbound");
        var ana = await InboxApp.PostInboundAsync(integration, "m1", "ana", "order?", queue: "default");
        var homeInDefault = await InboxApp.PostInboundAsync(integration, "m2", "ana-home", "it's me", "t-a", "default");
        var homeInOther = await InboxApp.PostInboundAsync(integration, "m3", "ana-home", "me again", "t-b", "other");
        Assert.NotEqual(homeInDefault.ConversationId, homeInOther.ConversationId);
        var anaContact = await ContactIdAsync(admin, ana.ConversationId);
        var homeContact = await ContactIdAsync(admin, homeInDefault.ConversationId);
        Assert.Equal(homeContact, await ContactIdAsync(admin, homeInOther.ConversationId));

        var merged = await admin.PostAsJsonAsync($"/api/contacts/{anaContact}/merge", new { from = homeContact });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);

        var toCy = await cy.WaitForMergeAsync(m => m.FromId == homeContact);
        Assert.Equal(anaContact, toCy.ContactId);
        Assert.Equal([homeInDefault.ConversationId], toCy.ConversationIds);
        var toBo = await bo.WaitForMergeAsync(m => m.FromId == homeContact);
        Assert.Equal([homeInOther.ConversationId], toBo.ConversationIds);
        var toLead = await lead.WaitForMergeAsync(m => m.FromId == homeContact);
        Assert.Equal([homeInDefault.ConversationId, homeInOther.ConversationId], toLead.ConversationIds.Order());

        // Di sees none of them. Pushes to one connection arrive in order: once a later event reached Di, the merge
        // would have arrived before it.
        var later = await InboxApp.PostInboundAsync(integration, "m4", "someone", "hello", queue: "third");
        await di.WaitForAsync(e => e.ConversationId == later.ConversationId && e.Type == "message.created");
        Assert.Empty(di.Merges);
        Assert.Single(cy.Merges);
    }

    [Fact]
    public async Task An_agent_who_may_see_neither_contact_cannot_merge_and_nobody_hears_of_it()
    {
        var admin = await _app.SignInAsAdminAsync();
        (await admin.PutAsJsonAsync("/api/queues/other", new { name = "other" })).EnsureSuccessStatusCode();
        await _app.CreateAgentAsync(admin, "bo@example.test", queues: ["other"]);
        await using var lead = await HubListener.SignInAsync(_baseUrl, InboxApp.AdminEmail, InboxApp.AdminPassword);
        var integration = await _app.TokenClientAsync(admin, "inbound");
        var one = await InboxApp.PostInboundAsync(integration, "n1", "one", "hi", queue: "default");
        var two = await InboxApp.PostInboundAsync(integration, "n2", "two", "hi", queue: "default");
        var bo = await _app.SignInAsync("bo@example.test", InboxApp.AgentPassword);

        var refused = await bo.PostAsJsonAsync($"/api/contacts/{await ContactIdAsync(admin, one.ConversationId)}/merge",
            new { from = await ContactIdAsync(admin, two.ConversationId) });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var marker = await InboxApp.PostInboundAsync(integration, "n3", "three", "marker", queue: "default");
        await lead.WaitForAsync(e => e.ConversationId == marker.ConversationId && e.Type == "message.created");
        Assert.Empty(lead.Merges);
    }

    private static async Task<string> ContactIdAsync(HttpClient admin, string conversationId) =>
        (await admin.GetFromJsonAsync<ConversationBody>($"/api/conversations/{conversationId}"))!.ContactId;
}
