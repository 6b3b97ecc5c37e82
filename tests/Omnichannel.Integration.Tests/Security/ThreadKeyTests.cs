using System.Net;
using System.Net.Http.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Core.Features;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Security;

/// <summary>
/// Issue 24, observation 1: an <c>inbound</c> token's thread key named internal state ("@conv:{id}|x" continued any
/// conversation, "contact:{id}" was the per-contact thread). Thread keys from the API are now per token, and
/// continuing a conversation is a typed argument only the server sets.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class ThreadKeyTests(StoreServers servers)
{
    [Fact]
    public async Task An_inbound_token_cannot_write_into_a_web_chat_conversation_by_its_id()
    {
        await using var app = InboxApp.On(servers);
        var admin = await app.SignInAsAdminAsync();
        var integration = await app.TokenClientAsync(admin, "inbound");
        var chat = await WebChatMessageAsync(app, "visitor-1", "Hello from the widget");

        var posted = await InboxApp.PostInboundAsync(integration, "evil-1", "mallory", "injected",
            threadKey: $"@conv:{chat}|x");

        Assert.NotEqual(chat, posted.ConversationId);
        var messages = await admin.GetFromJsonAsync<PageBody<MessageBody>>($"/api/conversations/{chat}/messages");
        Assert.Equal(["Hello from the widget"], messages!.Items.Select(m => m.Text));
    }

    [Fact]
    public async Task An_inbound_token_cannot_reopen_a_resolved_conversation_or_tell_whether_an_id_exists()
    {
        await using var app = InboxApp.On(servers);
        var admin = await app.SignInAsAdminAsync();
        var integration = await app.TokenClientAsync(admin, "inbound");
        var chat = await WebChatMessageAsync(app, "visitor-2", "Thanks, all good");
        (await admin.PostAsJsonAsync($"/api/conversations/{chat}/status", new { status = "resolved" }))
            .EnsureSuccessStatusCode();

        var mallory = new { identifier = "mallory" };
        var known = await integration.PostAsJsonAsync("/api/inbound",
            new { sourceId = "probe-1", contact = mallory, threadKey = $"@conv:{chat}|p", text = "x" });
        var unknown = await integration.PostAsJsonAsync("/api/inbound",
            new { sourceId = "probe-2", contact = mallory, threadKey = $"@conv:{Ids.New()}|q", text = "x" });

        // Both are new threads of the token's own: the same answer whether the id exists or not.
        Assert.Equal(HttpStatusCode.Created, known.StatusCode);
        Assert.Equal(HttpStatusCode.Created, unknown.StatusCode);
        Assert.NotEqual(chat, (await known.Content.ReadFromJsonAsync<InboundBody>())!.ConversationId);
        var conversation = await admin.GetFromJsonAsync<ConversationBody>($"/api/conversations/{chat}");
        Assert.Equal("resolved", conversation!.Status);
    }

    [Fact]
    public async Task A_contact_key_does_not_reach_that_contacts_own_thread()
    {
        await using var app = InboxApp.On(servers);
        var admin = await app.SignInAsAdminAsync();
        var integration = await app.TokenClientAsync(admin, "inbound");
        var ana = await InboxApp.PostInboundAsync(integration, "a-1", "ana", "My order is late");
        var anaContact = (await admin.GetFromJsonAsync<ConversationBody>($"/api/conversations/{ana.ConversationId}"))!
            .ContactId;

        var bob = await InboxApp.PostInboundAsync(integration, "b-1", "bob", "hijack",
            threadKey: $"contact:{anaContact}");
        var anaAgain = await InboxApp.PostInboundAsync(integration, "a-2", "ana", "Any news?");

        Assert.NotEqual(ana.ConversationId, bob.ConversationId);
        Assert.Equal(ana.ConversationId, anaAgain.ConversationId);
        var messages = await admin.GetFromJsonAsync<PageBody<MessageBody>>(
            $"/api/conversations/{ana.ConversationId}/messages");
        Assert.DoesNotContain(messages!.Items, m => m.Text == "hijack");
    }

    [Fact]
    public async Task Two_tokens_with_the_same_key_have_two_threads_and_each_keeps_its_own()
    {
        await using var app = InboxApp.On(servers);
        var admin = await app.SignInAsAdminAsync();
        var crm = await app.TokenClientAsync(admin, "inbound");
        var shop = await app.TokenClientAsync(admin, "inbound");

        var first = await InboxApp.PostInboundAsync(crm, "c-1", "ana", "one", threadKey: "ticket-1");
        var other = await InboxApp.PostInboundAsync(shop, "s-1", "ana", "two", threadKey: "ticket-1");
        var again = await InboxApp.PostInboundAsync(crm, "c-2", "ana", "three", threadKey: "ticket-1");

        Assert.NotEqual(first.ConversationId, other.ConversationId);
        Assert.Equal(first.ConversationId, again.ConversationId);
    }

    // A web chat visitor's message, as the visitor hub ingests it.
    private static async Task<string> WebChatMessageAsync(InboxApp app, string visitor, string text)
    {
        var mediator = app.Services.GetRequiredService<IMediator>();
        var result = await mediator.Send(new IngestMessage(new InboundMessage
        {
            Channel = ChannelNames.WebChat,
            Account = "default",
            ExternalId = visitor + ":c1",
            Sender = new ContactIdentity(IdentityKinds.WebVisitor, "default/v:" + visitor),
            Text = text,
            ThreadKey = "v:" + visitor,
        }));
        return result.ConversationId;
    }
}
