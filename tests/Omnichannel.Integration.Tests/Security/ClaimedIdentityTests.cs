using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Server.Channels.WebChat;

namespace Omnichannel.Integration.Tests.Security;

/// <summary>
/// Issue 24, observation 2: an anonymous web chat visitor typing a customer's email got that customer's contact,
/// renamed them and showed agents their history. Typed addresses are now claimed on a contact of the visitor's own;
/// only the host site's HMAC (or the customer answering from the mailbox) links them; agents merge by hand.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class ClaimedIdentityTests(StoreServers servers) : IAsyncLifetime
{
    private const string AnaEmail = "ana@example.com";
    private InboxApp _app = null!;
    private string _baseUrl = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _app = InboxApp.On(servers);
        _baseUrl = _app.StartKestrel();
        _http = new HttpClient { BaseAddress = new Uri(_baseUrl) };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Mallory_typing_a_customers_email_into_the_chat_does_not_take_over_the_customer()
    {
        var admin = await _app.SignInAsAdminAsync();
        var (anaContact, anaConversation) = await KnownCustomerAsync(admin);

        var chat = await ChatAsync(new { site = "default", name = "Mallory", email = AnaEmail }, "hello");

        var mallory = await ContactOfAsync(admin, chat);
        Assert.NotEqual(anaContact, mallory.GetProperty("id").GetString());
        var claimed = Assert.Single(mallory.GetProperty("identities").EnumerateArray(),
            i => i.GetProperty("kind").GetString() == "email");
        Assert.Equal(AnaEmail, claimed.GetProperty("value").GetString());
        Assert.True(claimed.GetProperty("claimed").GetBoolean());
        Assert.True(mallory.GetProperty("emailClaimed").GetBoolean());
        Assert.Equal([chat], ConversationIds(mallory));

        var ana = await admin.GetFromJsonAsync<JsonElement>($"/api/contacts/{anaContact}");
        Assert.Equal("Ana", ana.GetProperty("name").GetString());
        Assert.False(ana.GetProperty("emailClaimed").GetBoolean());
        Assert.Equal([anaConversation], ConversationIds(ana));
        Assert.DoesNotContain(Kinds(ana), kind => kind == "webchat");

        // An email given later in the same chat (the offline form) is claimed the same way.
        var later = await ChatAsync(new { site = "default", name = "Mal" }, "hi again", emailLater: AnaEmail);
        Assert.NotEqual(anaContact, (await ContactOfAsync(admin, later)).GetProperty("id").GetString());
        ana = await admin.GetFromJsonAsync<JsonElement>($"/api/contacts/{anaContact}");
        Assert.Equal("Ana", ana.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_user_the_host_site_signs_with_its_secret_is_linked_to_their_contact_but_not_renamed()
    {
        var admin = await _app.SignInAsAdminAsync();
        var (anaContact, _) = await KnownCustomerAsync(admin);
        var site = await admin.GetFromJsonAsync<JsonElement>("/api/sites/default");
        var secret = Encoding.UTF8.GetBytes(site.GetProperty("secret").GetString()!);
        var hash = Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes("shop-user-1")));

        var chat = await ChatAsync(
            new { site = "default", name = "Anastasia", email = AnaEmail, userId = "shop-user-1", userHash = hash },
            "hi");

        var contact = await ContactOfAsync(admin, chat);
        Assert.Equal(anaContact, contact.GetProperty("id").GetString());
        Assert.Equal("Ana", contact.GetProperty("name").GetString());
        Assert.All(contact.GetProperty("identities").EnumerateArray(),
            i => Assert.False(i.GetProperty("claimed").GetBoolean()));
    }

    [Fact]
    public async Task An_agent_merges_the_claimant_into_the_customer_and_everything_moves()
    {
        var admin = await _app.SignInAsAdminAsync();
        var (anaContact, anaConversation) = await KnownCustomerAsync(admin);
        var chat = await ChatAsync(new { site = "default", name = "Ana at home", email = AnaEmail }, "it's me");
        var claimant = (await ContactOfAsync(admin, chat)).GetProperty("id").GetString()!;
        (await admin.PutAsJsonAsync("/api/queues/other", new { name = "Other" })).EnsureSuccessStatusCode();
        await _app.CreateAgentAsync(admin, "bo@example.test", queues: ["other"]);
        var bo = await _app.SignInAsync("bo@example.test", InboxApp.AgentPassword);

        // Bo sees neither contact: the access rule refuses.
        Assert.Equal(HttpStatusCode.Forbidden,
            (await bo.PostAsJsonAsync($"/api/contacts/{anaContact}/merge", new { from = claimant })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await admin.PostAsJsonAsync($"/api/contacts/{anaContact}/merge", new { from = anaContact })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await admin.PostAsJsonAsync($"/api/contacts/{anaContact}/merge", new { from = "0123" })).StatusCode);

        var merged = await admin.PostAsJsonAsync($"/api/contacts/{anaContact}/merge", new { from = claimant });

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Contains("contact.merged", await admin.GetStringAsync("/api/audit"), StringComparison.Ordinal);
        var ana = await admin.GetFromJsonAsync<JsonElement>($"/api/contacts/{anaContact}");
        Assert.Equal("Ana", ana.GetProperty("name").GetString());
        Assert.Equal([anaConversation, chat], ana.GetProperty("conversations").EnumerateArray()
            .Select(c => c.GetProperty("id").GetString()).Order());
        Assert.Contains(Kinds(ana), kind => kind == "webchat");
        Assert.False(ana.GetProperty("emailClaimed").GetBoolean());
        var conversation = await admin.GetFromJsonAsync<ConversationBody>($"/api/conversations/{chat}");
        Assert.Equal(anaContact, conversation!.ContactId);
        // The old id leads to the contact it became part of; merging it again is refused.
        var old = await admin.GetFromJsonAsync<JsonElement>($"/api/contacts/{claimant}");
        Assert.Equal(anaContact, old.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Conflict,
            (await admin.PostAsJsonAsync($"/api/contacts/{anaContact}/merge", new { from = claimant })).StatusCode);
    }

    // Ana, known by her email through the API channel (the integration vouches for it), with one conversation.
    private async Task<(string Contact, string Conversation)> KnownCustomerAsync(HttpClient admin)
    {
        var integration = await _app.TokenClientAsync(admin, "inbound");
        var response = await integration.PostAsJsonAsync("/api/inbound",
            new
            {
                sourceId = "crm-1",
                contact = new { identifier = "crm-ana", name = "Ana", email = AnaEmail },
                text = "Order?",
            });
        response.EnsureSuccessStatusCode();
        var conversation = (await response.Content.ReadFromJsonAsync<InboundBody>())!.ConversationId;
        var body = await admin.GetFromJsonAsync<ConversationBody>($"/api/conversations/{conversation}");
        return (body!.ContactId, conversation);
    }

    private async Task<string> ChatAsync(object session, string text, string? emailLater = null)
    {
        var started = await _http.PostAsJsonAsync("/api/webchat/sessions", session);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var token = (await started.Content.ReadFromJsonAsync<SessionResponse>())!.VisitorToken;
        await using var visitor = new HubConnectionBuilder()
            .WithUrl($"{_baseUrl}{WebChatRegistration.VisitorHubPath}?visitor_token={Uri.EscapeDataString(token)}")
            .Build();
        await visitor.StartAsync();
        var ack = await visitor.InvokeAsync<SendAck>("Send", "c1", text);
        if (emailLater is not null)
        {
            var again = await _http.PostAsJsonAsync("/api/webchat/sessions",
                new { site = "default", visitorToken = token, email = emailLater });
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        return ack.ConversationId;
    }

    private static async Task<JsonElement> ContactOfAsync(HttpClient admin, string conversation)
    {
        var body = await admin.GetFromJsonAsync<ConversationBody>($"/api/conversations/{conversation}");
        return await admin.GetFromJsonAsync<JsonElement>($"/api/contacts/{body!.ContactId}");
    }

    private static IEnumerable<string?> ConversationIds(JsonElement contact) =>
        contact.GetProperty("conversations").EnumerateArray().Select(c => c.GetProperty("id").GetString());

    private static IEnumerable<string?> Kinds(JsonElement contact) =>
        contact.GetProperty("identities").EnumerateArray().Select(i => i.GetProperty("kind").GetString());
}
