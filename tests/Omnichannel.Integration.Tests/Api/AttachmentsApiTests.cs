using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Api;

/// <summary>Agents attach files to replies: upload, send with the reply, download; nobody else can use or read them.</summary>
[Collection(StoreCollection.Name)]
public sealed class AttachmentsApiTests(StoreServers servers) : IAsyncLifetime
{
    private readonly string _blobs = TempDirectories.Create("blobs");
    private InboxApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new InboxApp(servers.For(StoreServers.Garnet).Redis, StoreServers.NewWorkspace()) { Settings = { ["Omnichannel:Blobs:Directory"] = _blobs } };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static MultipartFormDataContent File(byte[] bytes, string name, string type)
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { part, "file", name } };
    }

    [Fact]
    public async Task A_file_uploaded_for_a_reply_goes_out_with_it_and_downloads_byte_for_byte_for_those_who_may_see_it()
    {
        var (lead, ids, agents, integration) = await AssignmentApiTests.SetUpAsync(_app, agents: 2, capacity: 5);
        var conversation = (await InboxApp.PostInboundAsync(integration, "a1", "cust-1", "please send the invoice")).ConversationId;
        (await lead.PostAsJsonAsync($"/api/conversations/{conversation}/assign", new { agentId = ids[0] })).EnsureSuccessStatusCode();
        var ana = agents[0];
        var ben = agents[1];
        var pdf = Enumerable.Range(0, 50_000).Select(i => (byte)(i % 251)).ToArray();

        var upload = await ana.PostAsync($"/api/conversations/{conversation}/attachments", File(pdf, "../../invoice 2026.pdf", "application/pdf"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var uploaded = await upload.Content.ReadFromJsonAsync<JsonElement>();
        var attachmentId = uploaded.GetProperty("id").GetString()!;
        Assert.Equal("invoice 2026.pdf", uploaded.GetProperty("fileName").GetString());

        // Ben may not upload into Ana's conversation, nor send Ana's upload.
        Assert.Equal(HttpStatusCode.Forbidden, (await ben.PostAsync($"/api/conversations/{conversation}/attachments", File(pdf, "x.pdf", "application/pdf"))).StatusCode);

        var reply = await ana.PostAsJsonAsync($"/api/conversations/{conversation}/messages", new { text = "", attachmentIds = new[] { attachmentId } });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var message = await reply.Content.ReadFromJsonAsync<JsonElement>();
        var attachment = message.GetProperty("attachments")[0];
        Assert.Equal(50_000, attachment.GetProperty("size").GetInt64());

        // An upload is sent once.
        var again = await ana.PostAsJsonAsync($"/api/conversations/{conversation}/messages", new { text = "again", attachmentIds = new[] { attachmentId } });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        var url = $"/api/conversations/{conversation}/messages/{message.GetProperty("id").GetString()}/attachments/{attachment.GetProperty("id").GetString()}";
        var download = await ana.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.Forbidden, (await ben.GetAsync(url)).StatusCode);
    }
}
