using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Server.Channels.WebChat;
using Omnichannel.Server.Features.Conversations;

namespace Omnichannel.Integration.Tests.WebChat;

/// <summary>Visitors send images and PDFs: checked by content and size, usable and readable only with their own token.</summary>
[Collection(StoreCollection.Name)]
public sealed class VisitorAttachmentsTests(StoreServers servers) : IAsyncLifetime
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 1, 2, 3, 4];

    private readonly string _blobs = TempDirectories.Create("blobs");
    private InboxApp _app = null!;
    private string _baseUrl = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _app = new InboxApp(servers.For(StoreServers.Garnet).Redis, StoreServers.NewWorkspace()) { Settings = { ["Omnichannel:Blobs:Directory"] = _blobs } };
        _baseUrl = _app.StartKestrel();
        _http = new HttpClient { BaseAddress = new Uri(_baseUrl) };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    private async Task<string> TokenAsync()
    {
        var response = await _http.PostAsJsonAsync("/api/webchat/sessions", new { site = "default" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SessionResponse>())!.VisitorToken;
    }

    private Task<HttpResponseMessage> UploadAsync(string? token, byte[] bytes, string name, string type)
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue(type);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/attachments") { Content = new MultipartFormDataContent { { part, "file", name } } };
        if (token is not null)
        {
            request.Headers.Add(WebChatAttachmentsApi.TokenHeader, token);
        }

        return _http.SendAsync(request);
    }

    private Task<HttpResponseMessage> DownloadAsync(string token, string messageId, string attachmentId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/webchat/attachments/{messageId}/{attachmentId}");
        request.Headers.Add(WebChatAttachmentsApi.TokenHeader, token);
        return _http.SendAsync(request);
    }

    private async Task<(HubConnection Connection, ConcurrentQueue<VisitorMessage> Messages)> ConnectAsync(string token)
    {
        var messages = new ConcurrentQueue<VisitorMessage>();
        var connection = new HubConnectionBuilder().WithUrl($"{_baseUrl}{WebChatRegistration.VisitorHubPath}?visitor_token={Uri.EscapeDataString(token)}").Build();
        connection.On<VisitorMessage>(nameof(IVisitorClient.Message), messages.Enqueue);
        await connection.StartAsync();
        return (connection, messages);
    }

    private int StoredFiles() => Directory.Exists(_blobs) ? Directory.EnumerateFiles(_blobs, "*", SearchOption.AllDirectories).Count() : 0;

    [Fact]
    public async Task Only_real_images_and_pdfs_up_to_10_MB_are_accepted_and_nothing_else_is_stored()
    {
        var token = await TokenAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await UploadAsync(null, Png, "a.png", "image/png")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await UploadAsync("forged", Png, "a.png", "image/png")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(token, "<html><script>alert(1)</script>"u8.ToArray(), "a.png", "image/png")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(token, "%PDF-1.7 ..."u8.ToArray(), "a.png", "image/png")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(token, Png, "a.svg", "image/svg+xml")).StatusCode);
        var big = new byte[(10 * 1024 * 1024) + 1];
        Png.CopyTo(big, 0);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(token, big, "big.png", "image/png")).StatusCode);
        Assert.Equal(0, StoredFiles());

        var pdf = await UploadAsync(token, "%PDF-1.7 fine"u8.ToArray(), "../invoice.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.Created, pdf.StatusCode);
        var dto = (await pdf.Content.ReadFromJsonAsync<AttachmentDto>())!;
        Assert.Equal(("invoice.pdf", "application/pdf", 13L), (dto.FileName, dto.ContentType, dto.Size));
    }

    [Fact]
    public async Task A_visitors_image_reaches_the_agent_and_only_that_visitor_can_use_or_download_it()
    {
        var (lead, _, _, _) = await AssignmentApiTests.SetUpAsync(_app, agents: 1, capacity: 5);
        var ada = await TokenAsync();
        var eve = await TokenAsync();
        var upload = await UploadAsync(ada, Png, "screenshot.png", "image/png");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var file = (await upload.Content.ReadFromJsonAsync<AttachmentDto>())!;

        // Eve cannot send Ada's upload (and her attempt leaves it in place for Ada).
        var (eveHub, _) = await ConnectAsync(eve);
        await Assert.ThrowsAsync<HubException>(() => eveHub.InvokeAsync<SendAck>("SendWithFiles", "e-1", "", new[] { file.Id }));

        var (adaHub, messages) = await ConnectAsync(ada);
        var ack = await adaHub.InvokeAsync<SendAck>("SendWithFiles", "f-1", "", new[] { file.Id });
        var retry = await adaHub.InvokeAsync<SendAck>("SendWithFiles", "f-1", "", new[] { file.Id });
        Assert.Equal((ack.MessageId, true), (retry.MessageId, retry.Duplicate));
        for (var i = 0; i < 100 && messages.IsEmpty; i++)
        {
            await Task.Delay(25);
        }

        var echoed = Assert.Single(messages, m => m.Id == ack.MessageId);
        Assert.Equal(file, Assert.Single(echoed.Attachments));

        var mine = await DownloadAsync(ada, ack.MessageId, file.Id);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(Png, await mine.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", mine.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", mine.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsync(eve, ack.MessageId, file.Id)).StatusCode);

        var agentCopy = await lead.GetAsync($"/api/conversations/{ack.ConversationId}/messages/{ack.MessageId}/attachments/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, agentCopy.StatusCode);
        Assert.Equal(Png, await agentCopy.Content.ReadAsByteArrayAsync());

        var history = await adaHub.InvokeAsync<List<VisitorMessage>>("History", 0L);
        Assert.Equal("screenshot.png", Assert.Single(Assert.Single(history).Attachments).FileName);
        await eveHub.DisposeAsync();
        await adaHub.DisposeAsync();
    }
}
