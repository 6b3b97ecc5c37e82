using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Omnichannel.Core.Model;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Server.Channels.WebChat;

namespace Omnichannel.Integration.Tests.Crash;

/// <summary>
/// An integration posting to <c>POST /api/inbound</c> with its token: each message until acknowledged (201, or 200
/// for one the store already has), then the next, across kills.
/// </summary>
internal sealed class ApiDriver(Uri server, string token, CrashLedger ledger, int client)
{
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(60);

    public async Task RunAsync(CancellationToken stopTaking, CancellationToken abort)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        for (var i = 0; !stopTaking.IsCancellationRequested; i++)
        {
            var text = Invariant($"api {ledger.Run} {client}-{i}");
            var body = new
            {
                sourceId = Invariant($"src-{client}-{i}"),
                contact = new { identifier = Invariant($"customer-{ledger.Run}-{(client * 7 + i) % 30}") },
                text,
            };
            await Progress.RetryAsync(async () =>
            {
                using var response = await http.PostAsJsonAsync("/api/inbound", body, abort);
                if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
                {
                    return false;
                }

                await response.Content.ReadFromJsonAsync<InboundBody>(abort);
                ledger.Accepted(ChannelNames.Api, text);
                return true;
            }, abort);
            await Task.Delay(Pace, abort);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// A web chat visitor, as the widget behaves: a session from <c>POST /api/webchat/sessions</c>, then messages through
/// the visitor hub, each resent with the same client id until the hub acknowledges it, reconnecting after a kill.
/// </summary>
internal sealed class WebChatDriver(Uri server, CrashLedger ledger, int visitor)
{
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(150);

    public async Task RunAsync(CancellationToken stopTaking, CancellationToken abort)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(10) };
        string? token = null;
        await Progress.RetryAsync(async () =>
        {
            using var response = await http.PostAsJsonAsync("/api/webchat/sessions",
                new { site = "default", name = "Visitor " + visitor.ToString(CultureInfo.InvariantCulture) }, abort);
            token = response.IsSuccessStatusCode
                ? (await response.Content.ReadFromJsonAsync<SessionResponse>(abort))!.VisitorToken
                : null;
            return token is not null;
        }, abort);

        HubConnection? hub = null;
        try
        {
            for (var i = 0; !stopTaking.IsCancellationRequested; i++)
            {
                var clientId = "c" + i.ToString(CultureInfo.InvariantCulture);
                var text = string.Create(CultureInfo.InvariantCulture, $"chat {ledger.Run} {visitor}-{i}");
                await Progress.RetryAsync(async () =>
                {
                    if (hub is not { State: HubConnectionState.Connected })
                    {
                        if (hub is not null)
                        {
                            await hub.DisposeAsync();
                        }

                        hub = Connect(token!);
                        await hub.StartAsync(abort);
                    }

                    var ack = await hub.InvokeAsync<SendAck>("Send", clientId, text, abort);
                    ledger.Accepted(ChannelNames.WebChat, text);
                    ledger.Target(ChannelNames.WebChat, ack.ConversationId);
                    return true;
                }, abort);
                await Task.Delay(Pace, abort);
            }
        }
        finally
        {
            if (hub is not null)
            {
                await hub.DisposeAsync();
            }
        }
    }

    private HubConnection Connect(string token)
    {
        var url = new Uri(server, WebChatRegistration.VisitorHubPath.TrimStart('/')
            + "?visitor_token=" + Uri.EscapeDataString(token));
        var hub = new HubConnectionBuilder().WithUrl(url).Build();
        // Replies pushed to the visitor; counted from the store, this only keeps the client from complaining.
        hub.On<VisitorMessage>(nameof(IVisitorClient.Message), _ => { });
        return hub;
    }
}
