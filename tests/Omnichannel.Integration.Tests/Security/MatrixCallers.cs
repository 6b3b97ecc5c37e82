using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Server.Channels.WebChat;
using Omnichannel.Server.Realtime;

namespace Omnichannel.Integration.Tests.Security;

/// <summary>
/// The authorization matrix's callers and its one fixture conversation: in queue <c>default</c>, assigned to
/// <see cref="Who.Agent"/>; <see cref="Who.OtherAgent"/> works queue <c>other</c>. Requests carry bodies that pass
/// authorization but change nothing that matters (an empty JSON array where an object is expected answers 400).
/// </summary>
internal sealed class MatrixCallers
{
    private readonly Dictionary<Who, Action<HttpRequestMessage>> _credentials = [];
    private readonly Dictionary<Who, string> _hubQuery = [];
    private readonly Dictionary<Who, string> _cookies = [];
    private readonly string _baseUrl;
    private readonly HttpClient _http;
    private string _conversationId = null!;
    private string _messageId = null!;
    private string _contactId = null!;
    private string _agentId = null!;

    private MatrixCallers(string baseUrl)
    {
        _baseUrl = baseUrl;
        // No cookie jar: each request carries exactly the credential of the caller it stands for.
        _http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(baseUrl) };
    }

    public static async Task<MatrixCallers> CreateAsync(InboxApp app, string baseUrl)
    {
        var callers = new MatrixCallers(baseUrl);
        var (lead, ids, _, integration) = await AssignmentApiTests.SetUpAsync(app, agents: 1, capacity: 5);
        var admin = await app.SignInAsAdminAsync();
        callers._agentId = ids[0];
        (await lead.PutAsJsonAsync("/api/queues/other", new { name = "Other" })).EnsureSuccessStatusCode();
        await app.CreateAgentAsync(admin, "other@example.test", queues: ["other"]);
        var inbound = await InboxApp.PostInboundAsync(integration, "matrix-1", "cust-matrix", "hello");
        callers._conversationId = inbound.ConversationId;
        callers._messageId = inbound.MessageId;
        var conversation = await lead.GetFromJsonAsync<ConversationBody>($"/api/conversations/{inbound.ConversationId}");
        Assert.Equal(ids[0], conversation!.AssigneeId);
        callers._contactId = conversation.ContactId;

        foreach (var (who, email, password) in new[]
                 {
                     (Who.Agent, "agent0@example.test", InboxApp.AgentPassword),
                     (Who.OtherAgent, "other@example.test", InboxApp.AgentPassword),
                     (Who.Lead, "lead@example.test", InboxApp.AgentPassword),
                     (Who.Admin, InboxApp.AdminEmail, InboxApp.AdminPassword),
                 })
        {
            var login = await callers._http.PostAsJsonAsync("/api/auth/login", new { email, password });
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
            callers._cookies[who] = cookie;
            callers._credentials[who] = request => request.Headers.Add("Cookie", cookie);
        }

        await callers.AddTokenAsync(admin, Who.InboundToken, ["inbound"]);
        await callers.AddTokenAsync(admin, Who.ReadToken, ["conversations:read"]);
        var revoked = await callers.AddTokenAsync(admin, Who.RevokedToken, ["inbound", "conversations:read", "metrics"]);
        (await admin.DeleteAsync($"/api/tokens/{revoked}")).EnsureSuccessStatusCode();

        var session = await (await callers._http.PostAsJsonAsync("/api/webchat/sessions", new { site = "default", name = "Visitor" }))
            .Content.ReadFromJsonAsync<VisitorSession>();
        callers._credentials[Who.Visitor] = request => request.Headers.Add(WebChatAttachmentsApi.TokenHeader, session!.VisitorToken);
        callers._hubQuery[Who.Visitor] = "visitor_token=" + Uri.EscapeDataString(session!.VisitorToken);
        callers._credentials[Who.Anonymous] = _ => { };
        return callers;
    }

    public async Task<HttpStatusCode> CallAsync(Who who, string method, string pattern)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), Path(pattern)) { Content = Body(method, pattern) };
        _credentials[who](request);
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>An open connection to the hub as the caller, or null when the hub refuses them.</summary>
    public async Task<HubConnection?> ConnectAsync(Who who, string hub)
    {
        var query = _hubQuery.TryGetValue(who, out var q) ? "?" + q : "";
        var connection = new HubConnectionBuilder()
            .WithUrl(_baseUrl + "/hubs/" + hub + query, o =>
            {
                if (_cookies.TryGetValue(who, out var cookie))
                {
                    o.Headers["Cookie"] = cookie;
                }
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(RealtimeRegistration.EnumsAsStrings))
            .Build();
        try
        {
            await connection.StartAsync();
            // A hub may accept the transport and then close it in OnConnectedAsync: a round trip tells.
            await connection.InvokeAsync(hub == "agent" ? "Heartbeat" : "Join");
            return connection;
        }
        catch (Exception ex) when (ex is HttpRequestException or HubException or InvalidOperationException or TaskCanceledException)
        {
            await connection.DisposeAsync();
            return null;
        }
    }

    /// <summary>True when the hub ran the method; false when it refused (a hub error or a closed connection).</summary>
    public async Task<bool> InvokeAsync(HubConnection connection, MethodInfo method)
    {
        try
        {
            if (method.Name == nameof(AgentHub.Replying))
            {
                // Replying is only for a conversation the caller has open.
                await connection.InvokeAsync(nameof(AgentHub.View), _conversationId);
            }
        }
        catch (HubException)
        {
        }

        try
        {
            await connection.InvokeCoreAsync(method.Name, [.. method.GetParameters().Select(Argument)]);
            return true;
        }
        catch (Exception ex) when (ex is HubException or InvalidOperationException)
        {
            return false;
        }
    }

    private object? Argument(ParameterInfo parameter) => parameter.ParameterType switch
    {
        var t when t == typeof(long) => 0L,
        var t when t == typeof(bool) => true,
        var t when t == typeof(string) && parameter.Name == "conversationId" => _conversationId,
        var t when t == typeof(string) => "matrix-" + parameter.Name,
        _ => null,
    };

    private async Task<string> AddTokenAsync(HttpClient admin, Who who, string[] scopes)
    {
        var token = await (await admin.PostAsJsonAsync("/api/tokens", new { name = who.ToString(), scopes })).Content.ReadFromJsonAsync<TokenBody>();
        _credentials[who] = request => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token!.Token);
        _hubQuery[who] = "access_token=" + Uri.EscapeDataString(token!.Token);
        return token.Id;
    }

    private string Path(string pattern)
    {
        var path = pattern switch
        {
            "{*path:nonfile}" => "/some/page",
            "/api/{**path}" => "/api/nothing-here",
            "/hubs/{**path}" => "/hubs/nothing-here",
            // A real query, so the allowed callers get past validation into the search itself.
            "/api/search/" => "/api/search/?q=matrix",
            _ => pattern,
        };
        var id = path.StartsWith("/api/conversations", StringComparison.Ordinal) ? _conversationId
            : path.StartsWith("/api/contacts", StringComparison.Ordinal) ? _contactId
            : path.StartsWith("/api/agents", StringComparison.Ordinal) ? _agentId
            : path.StartsWith("/api/queues", StringComparison.Ordinal) ? "default"
            : "nope";
        return path.Replace("{id}", id, StringComparison.Ordinal).Replace("{messageId}", _messageId, StringComparison.Ordinal)
            .Replace("{attachmentId}", "nope", StringComparison.Ordinal).Replace("{key}", "default", StringComparison.Ordinal)
            .Replace("{name}", "bot", StringComparison.Ordinal).Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{conversationId}", _conversationId, StringComparison.Ordinal)
            .Replace("{slugOrId}", "nope", StringComparison.Ordinal);
    }

    private HttpContent? Body(string method, string pattern)
    {
        if (method is not ("POST" or "PUT"))
        {
            return null;
        }

        return pattern switch
        {
            "/api/conversations/{id}/messages" => JsonContent.Create(new { text = "matrix note", @private = true }),
            "/api/conversations/{id}/status" => JsonContent.Create(new { status = "open" }),
            "/api/conversations/{id}/priority" => JsonContent.Create(new { priority = "high" }),
            "/api/conversations/{id}/escalate" or "/api/conversations/{id}/de-escalate" => JsonContent.Create(new { note = "matrix" }),
            "/api/conversations/{id}/assign" => JsonContent.Create(new { agentId = _agentId }),
            // A form without a file: it is read, so the handler's own checks decide (a missing file is a 400).
            "/api/conversations/{id}/attachments" or "/api/webchat/attachments" =>
                new MultipartFormDataContent { { new StringContent("no file"), "note" } },
            _ => new StringContent("[]", Encoding.UTF8, "application/json"),
        };
    }

    private sealed record VisitorSession(string VisitorToken);
}
