using System.Net;
using System.Net.Http.Json;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Api;

/// <summary>Who sees and changes which conversation: agents their own and their queues' unassigned ones; leads everything.</summary>
[Collection(StoreCollection.Name)]
public sealed class ConversationAccessTests(StoreServers servers) : IAsyncLifetime
{
    private readonly InboxApp _app = InboxApp.On(servers);
    private HttpClient _admin = null!;
    private HttpClient _integration = null!;
    private string _anaId = null!;
    private string _boId = null!;
    private HttpClient _ana = null!;
    private HttpClient _bo = null!;

    public async Task InitializeAsync()
    {
        _admin = await _app.SignInAsAdminAsync();
        _integration = await _app.TokenClientAsync(_admin, "inbound");
        (await _admin.PutAsJsonAsync("/api/queues/billing", new { name = "Billing" })).EnsureSuccessStatusCode();
        _anaId = await _app.CreateAgentAsync(_admin, "ana@example.test");
        _boId = await _app.CreateAgentAsync(_admin, "bo@example.test", queues: ["default", "billing"]);
        _ana = await _app.SignInAsync("ana@example.test", InboxApp.AgentPassword);
        _bo = await _app.SignInAsync("bo@example.test", InboxApp.AgentPassword);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> NewConversationAsync(string customer, string? queue = null)
    {
        var ids = await InboxApp.PostInboundAsync(_integration, Guid.NewGuid().ToString("N"), customer, "help", queue: queue);
        return ids.ConversationId;
    }

    private async Task AssignAsync(HttpClient who, string conversationId, string? agentId, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await who.PostAsJsonAsync($"/api/conversations/{conversationId}/assign", new { agentId });
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task An_agent_cannot_read_or_answer_another_agents_conversation()
    {
        var id = await NewConversationAsync("cust-1");
        await AssignAsync(_admin, id, _anaId);

        Assert.Equal(HttpStatusCode.OK, (await _ana.GetAsync($"/api/conversations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _bo.GetAsync($"/api/conversations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _bo.GetAsync($"/api/conversations/{id}/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _bo.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "hi" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _bo.PostAsJsonAsync($"/api/conversations/{id}/status", new { status = "resolved" })).StatusCode);
        await AssignAsync(_bo, id, _boId, HttpStatusCode.Forbidden);
        var bosMine = await _bo.GetFromJsonAsync<PageBody<ConversationBody>>("/api/conversations?view=mine");
        Assert.DoesNotContain(bosMine!.Items, c => c.Id == id);
    }

    [Fact]
    public async Task Agents_see_unassigned_conversations_of_their_queues_only()
    {
        var general = await NewConversationAsync("cust-2");
        var billing = await NewConversationAsync("cust-3", queue: "billing");

        var anaUnassigned = await _ana.GetFromJsonAsync<PageBody<ConversationBody>>("/api/conversations?view=unassigned");
        var boUnassigned = await _bo.GetFromJsonAsync<PageBody<ConversationBody>>("/api/conversations?view=unassigned");

        Assert.Equal([general], anaUnassigned!.Items.Select(c => c.Id));
        Assert.Equal([billing, general], boUnassigned!.Items.Select(c => c.Id));
        Assert.Equal(HttpStatusCode.OK, (await _ana.GetAsync($"/api/conversations/{general}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _ana.GetAsync($"/api/conversations/{billing}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _bo.GetAsync($"/api/conversations/{billing}")).StatusCode);
    }

    [Fact]
    public async Task Only_leads_and_admins_list_everything()
    {
        await NewConversationAsync("cust-4");
        await _admin.PutAsJsonAsync("/api/agents/" + _boId, new { role = "lead" });
        // A role change ends the agent's sessions (docs/security.md): Bo signs in again as a lead.
        _bo = await _app.SignInAsync("bo@example.test", InboxApp.AgentPassword);

        Assert.Equal(HttpStatusCode.Forbidden, (await _ana.GetAsync("/api/conversations?view=all")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _bo.GetAsync("/api/conversations?view=all")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("/api/conversations?view=all")).StatusCode);
    }

    [Fact]
    public async Task An_agent_takes_an_unassigned_conversation_and_it_moves_from_unassigned_to_mine()
    {
        var id = await NewConversationAsync("cust-5");

        await AssignAsync(_ana, id, _anaId);

        var mine = await _ana.GetFromJsonAsync<PageBody<ConversationBody>>("/api/conversations?view=mine");
        var unassigned = await _bo.GetFromJsonAsync<PageBody<ConversationBody>>("/api/conversations?view=unassigned");
        Assert.Contains(mine!.Items, c => c.Id == id && c.AssigneeId == _anaId);
        Assert.DoesNotContain(unassigned!.Items, c => c.Id == id);
        await AssignAsync(_ana, id, _boId, HttpStatusCode.Forbidden);
        await AssignAsync(_ana, id, null);
        Assert.Contains((await _bo.GetFromJsonAsync<PageBody<ConversationBody>>("/api/conversations?view=unassigned"))!.Items, c => c.Id == id);
    }

    [Fact]
    public async Task A_reply_is_stored_pending_and_a_private_note_is_never_delivered()
    {
        var id = await NewConversationAsync("cust-6");
        await AssignAsync(_admin, id, _anaId);

        var reply = await _ana.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "On it!" });
        var note = await _ana.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "VIP customer", @private = true });
        var empty = await _ana.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "  " });

        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var replyBody = (await reply.Content.ReadFromJsonAsync<MessageBody>())!;
        var noteBody = (await note.Content.ReadFromJsonAsync<MessageBody>())!;
        Assert.Equal(("out", "pending", false, "agent", _anaId), (replyBody.Direction, replyBody.Delivery, replyBody.Private, replyBody.AuthorKind, replyBody.AuthorId));
        Assert.Equal(("none", true), (noteBody.Delivery, noteBody.Private));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var messages = await _ana.GetFromJsonAsync<PageBody<MessageBody>>($"/api/conversations/{id}/messages");
        Assert.Equal(["VIP customer", "On it!", "help"], messages!.Items.Select(m => m.Text));
        var conversation = await _ana.GetFromJsonAsync<ConversationBody>($"/api/conversations/{id}");
        Assert.NotNull(conversation!.FirstResponseAt);
    }

    [Fact]
    public async Task Resolving_snoozing_and_reopening_follow_the_lifecycle_rules()
    {
        var id = await NewConversationAsync("cust-7");
        await AssignAsync(_admin, id, _anaId);

        var past = await _ana.PostAsJsonAsync($"/api/conversations/{id}/status", new { status = "snoozed", snoozeUntil = _app.Time.GetUtcNow().AddMinutes(-1) });
        var snoozed = await _ana.PostAsJsonAsync($"/api/conversations/{id}/status", new { status = "snoozed", snoozeUntil = _app.Time.GetUtcNow().AddHours(2) });
        var unknown = await _ana.PostAsJsonAsync($"/api/conversations/{id}/status", new { status = "archived" });

        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("snoozeUntil", (await past.Content.ReadFromJsonAsync<ProblemBody>())!.Errors!.Keys);
        Assert.Equal("snoozed", (await snoozed.Content.ReadFromJsonAsync<ConversationBody>())!.Status);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        var resolved = await _ana.PostAsJsonAsync($"/api/conversations/{id}/status", new { status = "resolved" });
        Assert.Equal("resolved", (await resolved.Content.ReadFromJsonAsync<ConversationBody>())!.Status);
        Assert.Contains((await _ana.GetFromJsonAsync<PageBody<ConversationBody>>("/api/conversations?view=mine&status=resolved"))!.Items, c => c.Id == id);

        var again = await _integration.PostAsJsonAsync("/api/inbound", new { sourceId = "again-7", contact = new { identifier = "cust-7" }, text = "Still broken" });
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<InboundBody>())!.ConversationId);
        var reopened = await _ana.GetFromJsonAsync<ConversationBody>($"/api/conversations/{id}");
        Assert.Equal("open", reopened!.Status);
        Assert.DoesNotContain((await _ana.GetFromJsonAsync<PageBody<ConversationBody>>("/api/conversations?view=mine&status=resolved"))!.Items, c => c.Id == id);
    }

    [Fact]
    public async Task A_read_token_lists_everything_but_cannot_reply_nor_read_private_notes()
    {
        var id = await NewConversationAsync("cust-8");
        var reader = await _app.TokenClientAsync(_admin, "conversations:read");

        var all = await reader.GetFromJsonAsync<PageBody<ConversationBody>>("/api/conversations");
        var reply = await reader.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "hi" });
        var inboundOnly = await _integration.GetAsync("/api/conversations");

        Assert.Contains(all!.Items, c => c.Id == id);
        Assert.Equal(HttpStatusCode.Forbidden, reply.StatusCode);
        await _admin.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "agents only", @private = true });
        await _admin.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "for the customer" });
        var seenByToken = await reader.GetFromJsonAsync<PageBody<MessageBody>>($"/api/conversations/{id}/messages");
        Assert.Equal(["for the customer", "help"], seenByToken!.Items.Select(m => m.Text));
        Assert.Equal(HttpStatusCode.Forbidden, inboundOnly.StatusCode);
    }

    [Fact]
    public async Task An_agent_sees_a_contact_only_through_a_conversation_they_may_see()
    {
        var id = await NewConversationAsync("cust-9");
        await AssignAsync(_admin, id, _anaId);
        var contactId = (await _admin.GetFromJsonAsync<ConversationBody>($"/api/conversations/{id}"))!.ContactId;

        Assert.Equal(HttpStatusCode.OK, (await _ana.GetAsync($"/api/contacts/{contactId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _bo.GetAsync($"/api/contacts/{contactId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/contacts/missing")).StatusCode);
    }

    [Fact]
    public async Task Unknown_conversations_are_404_and_bad_cursors_are_400()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/conversations/0000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/conversations/..%2F..%2Fetc")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _admin.GetAsync("/api/conversations?view=all&cursor=garbage")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _admin.GetAsync("/api/conversations?view=sideways")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _admin.GetAsync("/api/conversations?limit=1000")).StatusCode);
    }
}
