using System.Net;
using System.Net.Http.Json;
using System.Text;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Api;

[Collection(StoreCollection.Name)]
public sealed class InboundApiTests(StoreServers servers) : IAsyncLifetime
{
    private readonly InboxApp _app = InboxApp.On(servers);
    private HttpClient _admin = null!;
    private HttpClient _integration = null!;

    public async Task InitializeAsync()
    {
        _admin = await _app.SignInAsAdminAsync();
        _integration = await _app.TokenClientAsync(_admin, "inbound");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_posted_message_is_created_once_and_its_repeat_returns_the_same_ids()
    {
        var body = new { sourceId = "crm-1", contact = new { identifier = "cust-1", name = "Ana", email = "ana@example.test" }, text = "My order is late" };

        var first = await _integration.PostAsJsonAsync("/api/inbound", body);
        var second = await _integration.PostAsJsonAsync("/api/inbound", body);
        var firstIds = await first.Content.ReadFromJsonAsync<InboundBody>();
        var secondIds = await second.Content.ReadFromJsonAsync<InboundBody>();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal($"/api/conversations/{firstIds!.ConversationId}", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(firstIds, secondIds);
        var messages = await _admin.GetFromJsonAsync<PageBody<MessageBody>>($"/api/conversations/{firstIds.ConversationId}/messages");
        var message = Assert.Single(messages!.Items);
        Assert.Equal("My order is late", message.Text);
        Assert.Equal("in", message.Direction);
    }

    [Fact]
    public async Task The_message_appears_in_the_admins_list_with_the_contract_fields()
    {
        var ids = await InboxApp.PostInboundAsync(_integration, "crm-2", "cust-2", "Hello");

        var json = await _admin.GetStringAsync("/api/conversations?view=all");
        var page = await _admin.GetFromJsonAsync<PageBody<ConversationBody>>("/api/conversations?view=all");

        var conversation = Assert.Single(page!.Items);
        Assert.Equal(ids.ConversationId, conversation.Id);
        Assert.Equal("api", conversation.Channel);
        Assert.Equal("open", conversation.Status);
        Assert.Null(conversation.AssigneeId);
        Assert.Null(page.NextCursor);
        foreach (var field in new[] { "\"id\"", "\"channel\"", "\"status\"", "\"assigneeId\"", "\"contactId\"", "\"lastActivityAt\"", "\"nextCursor\"" })
        {
            Assert.Contains(field, json);
        }
    }

    [Fact]
    public async Task Messages_with_the_same_thread_key_share_a_conversation_and_other_keys_do_not()
    {
        var a1 = await InboxApp.PostInboundAsync(_integration, "m1", "cust-3", "one", threadKey: "ticket-9");
        var a2 = await InboxApp.PostInboundAsync(_integration, "m2", "cust-3", "two", threadKey: "ticket-9");
        var b = await InboxApp.PostInboundAsync(_integration, "m3", "cust-3", "three", threadKey: "ticket-10");

        Assert.Equal(a1.ConversationId, a2.ConversationId);
        Assert.NotEqual(a1.ConversationId, b.ConversationId);
    }

    [Fact]
    public async Task Invalid_fields_are_named_in_a_problem_and_nothing_is_stored()
    {
        var response = await _integration.PostAsJsonAsync("/api/inbound", new { sourceId = "", contact = new { identifier = "cust-4" }, text = "" });
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sourceId", problem!.Errors!.Keys);
        Assert.Contains("text", problem.Errors.Keys);
        var page = await _admin.GetFromJsonAsync<PageBody<ConversationBody>>("/api/conversations?view=all");
        Assert.Empty(page!.Items);
    }

    [Theory]
    [InlineData("{\"sourceId\": \"x\", \"contact\": ")]
    [InlineData("not json at all")]
    public async Task Malformed_json_is_a_400_problem(string body)
    {
        var response = await _integration.PostAsync("/api/inbound", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Invalid_utf8_is_rejected()
    {
        var prefix = Encoding.UTF8.GetBytes("{\"sourceId\":\"u1\",\"contact\":{\"identifier\":\"c\"},\"text\":\"");
        byte[] bytes = [.. prefix, 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}")];
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");

        var response = await _integration.PostAsync("/api/inbound", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused()
    {
        var response = await _integration.PostAsJsonAsync("/api/inbound", new { sourceId = "big", contact = new { identifier = "c" }, text = new string('x', 2_000_000) });

        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, response.StatusCode.ToString());
        var page = await _admin.GetFromJsonAsync<PageBody<ConversationBody>>("/api/conversations?view=all");
        Assert.Empty(page!.Items);
    }

    [Fact]
    public async Task Without_a_token_the_answer_is_401_and_with_the_wrong_scope_403()
    {
        var anonymous = _app.CreateClient();
        var reader = await _app.TokenClientAsync(_admin, "conversations:read");
        var forged = _app.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "oc_0123456789abcdef0123456789abcdef_" + new string('a', 64));
        var body = new { sourceId = "s", contact = new { identifier = "c" }, text = "t" };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/inbound", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.PostAsJsonAsync("/api/inbound", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("/api/inbound", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _admin.PostAsJsonAsync("/api/inbound", body)).StatusCode);
    }

    [Fact]
    public async Task A_contact_is_found_again_by_email_across_identifiers()
    {
        var first = await _integration.PostAsJsonAsync("/api/inbound", new { sourceId = "e1", contact = new { identifier = "crm-55", email = "Bo@Example.test" }, text = "hi" });
        var second = await _integration.PostAsJsonAsync("/api/inbound", new { sourceId = "e2", contact = new { identifier = "shop-77", email = "bo@example.test" }, text = "again" });
        var a = await _admin.GetFromJsonAsync<ConversationBody>($"/api/conversations/{(await first.Content.ReadFromJsonAsync<InboundBody>())!.ConversationId}");
        var b = await _admin.GetFromJsonAsync<ConversationBody>($"/api/conversations/{(await second.Content.ReadFromJsonAsync<InboundBody>())!.ConversationId}");

        Assert.Equal(a!.ContactId, b!.ContactId);
        var contact = await _admin.GetStringAsync($"/api/contacts/{a.ContactId}");
        Assert.Contains("crm-55", contact);
        Assert.Contains("shop-77", contact);
        Assert.Contains("bo@example.test", contact);
    }
}
