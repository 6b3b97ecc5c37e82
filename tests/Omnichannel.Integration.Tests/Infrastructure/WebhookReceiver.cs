using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Omnichannel.Integration.Tests.Infrastructure;

/// <summary>A real HTTP server on a loopback port that records what it receives, and can be told to fail.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;
    private int _hangsLeft;
    private int _failStatus = StatusCodes.Status503ServiceUnavailable;
    private int _calls;

    public sealed record Delivery(string Body, IReadOnlyDictionary<string, string> Headers);

    public ConcurrentQueue<Delivery> Received { get; } = new();

    public string Url { get; }

    /// <summary>Every POST that reached the receiver, answered or not.</summary>
    public int Calls => Volatile.Read(ref _calls);

    private WebhookReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>
    /// A receiver that answers the first <paramref name="failFirst"/> calls with <paramref name="failStatus"/>, and
    /// before that leaves the first <paramref name="hangFirst"/> unanswered until the caller gives up.
    /// </summary>
    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0, int failStatus = StatusCodes.Status503ServiceUnavailable, int hangFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            Interlocked.Increment(ref receiver!._calls);
            if (Interlocked.Decrement(ref receiver._hangsLeft) >= 0)
            {
                await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.Empty;
            }

            if (Interlocked.Decrement(ref receiver._failuresLeft) >= 0)
            {
                return Results.StatusCode(receiver._failStatus);
            }

            receiver.Received.Enqueue(new Delivery(body, http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, address + "/hook") { _failuresLeft = failFirst, _failStatus = failStatus, _hangsLeft = hangFirst };
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
