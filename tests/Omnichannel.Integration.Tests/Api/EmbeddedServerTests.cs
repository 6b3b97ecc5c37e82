using System.Net;
using System.Net.Http.Json;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Api;

/// <summary>The default set-up: no Redis configured, so the server hosts Garnet itself in a data folder.</summary>
public sealed class EmbeddedServerTests : IDisposable
{
    private readonly string _dataDirectory = TempDirectories.Create("oc-embedded-");

    public void Dispose() => TempDirectories.Delete(_dataDirectory);

    private InboxApp StartApp() => new(redisConnectionString: null, workspace: "default", dataDirectory: _dataDirectory);

    [Fact]
    public async Task A_posted_message_survives_a_restart_of_the_server_on_its_embedded_store()
    {
        string conversationId;
        await using (var first = StartApp())
        {
            var admin = await first.SignInAsAdminAsync();
            var integration = await first.TokenClientAsync(admin, "inbound");
            conversationId = (await InboxApp.PostInboundAsync(integration, "persist-1", "cust-1", "Please keep me")).ConversationId;
        }

        Assert.NotEmpty(Directory.EnumerateFiles(_dataDirectory, "*", SearchOption.AllDirectories));

        await using var second = StartApp();
        var again = await second.SignInAsAdminAsync();
        var page = await again.GetFromJsonAsync<PageBody<ConversationBody>>("/api/conversations?view=all");
        var conversation = Assert.Single(page!.Items);
        Assert.Equal(conversationId, conversation.Id);
        var messages = await again.GetFromJsonAsync<PageBody<MessageBody>>($"/api/conversations/{conversationId}/messages");
        Assert.Equal("Please keep me", Assert.Single(messages!.Items).Text);
    }

    [Fact]
    public async Task Health_and_the_openapi_document_are_served_without_signing_in()
    {
        await using var app = StartApp();
        var client = app.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");
        var openApi = await client.GetStringAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.Contains("/api/inbound", openApi);
        Assert.Contains("/api/conversations/{id}/messages", openApi);
    }
}
