using System.Net;
using System.Net.Http.Json;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Api;

/// <summary>Two server nodes on one Redis behave as one inbox: shared sign-ins, shared tokens, one copy of each message.</summary>
[Collection(StoreCollection.Name)]
public sealed class TwoNodeTests(StoreServers servers)
{
    [Fact]
    public async Task A_cookie_and_a_token_issued_by_one_node_work_on_the_other_and_a_message_posted_to_both_is_stored_once()
    {
        var workspace = StoreServers.NewWorkspace();
        var redis = servers.For(StoreServers.Redis).Redis;
        await using var nodeA = new InboxApp(redis, workspace);
        await using var nodeB = new InboxApp(redis, workspace);

        var adminOnA = nodeA.CreateClient(new() { HandleCookies = false });
        var login = await adminOnA.PostAsJsonAsync("/api/auth/login", new { email = InboxApp.AdminEmail, password = InboxApp.AdminPassword });
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var adminOnB = nodeB.CreateClient(new() { HandleCookies = false });
        adminOnB.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await adminOnB.GetAsync("/api/auth/me")).StatusCode);

        var integrationOnA = await nodeA.TokenClientAsync(await nodeA.SignInAsAdminAsync(), "inbound");
        var integrationOnB = nodeB.CreateClient();
        integrationOnB.DefaultRequestHeaders.Authorization = integrationOnA.DefaultRequestHeaders.Authorization;

        var body = new { sourceId = "both-nodes", contact = new { identifier = "cust-1" }, text = "Sent twice by a retrying integration" };
        var responses = await Task.WhenAll(
            Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? integrationOnA : integrationOnB).PostAsJsonAsync("/api/inbound", body)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var ids = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<InboundBody>()));
        Assert.Single(ids.Distinct());
        var messages = await adminOnB.GetFromJsonAsync<PageBody<MessageBody>>($"/api/conversations/{ids[0]!.ConversationId}/messages");
        Assert.Single(messages!.Items);
    }
}
