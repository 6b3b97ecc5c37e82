using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Omnichannel.Bench.WebChat;

/// <summary>What one run measured.</summary>
internal sealed record WebChatResult(int Sent, int Stored, double StoredPerSecond, int Arrived, double PushP50Ms, double PushP95Ms, double PushMaxMs, IReadOnlyDictionary<string, int> Errors);

/// <summary>
/// One run: N fresh visitors (sessions over HTTP, then one hub connection each) send M messages each at a steady pace;
/// each message's push latency runs from just before <c>Send</c> to its <c>message.created</c> reaching the agent.
/// </summary>
internal static class WebChatRun
{
    /// <summary>Session starts are limited per client address (60 a minute); this many visitors share one.</summary>
    private const int VisitorsPerAddress = 50;

    private static int _addresses;

    public static async Task<WebChatResult> RunAsync(Uri baseAddress, BenchAgent agent, WebChatOptions options, int run, CancellationToken ct)
    {
        var tokens = await StartSessionsAsync(baseAddress, options.Visitors, ct);
        var hubs = new HubConnection[options.Visitors];
        try
        {
            await Parallel.ForAsync(0, options.Visitors, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
            {
                hubs[i] = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, "hubs/visitor?visitor_token=" + Uri.EscapeDataString(tokens[i]))).Build();
                await hubs[i].StartAsync(token);
            });

            var total = options.Visitors * options.Messages;
            var sentAt = new long[total];
            var errors = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
            var stored = 0;
            var lastAck = 0L;
            var start = Stopwatch.GetTimestamp();
            await Task.WhenAll(Enumerable.Range(0, options.Visitors).Select(async v =>
            {
                // Visitors start spread over one interval, so the server sees a steady stream rather than waves. A send
                // that went out late delays the next (never a catch-up burst): the hub's 10-per-10-s limit holds.
                var next = options.Interval * v / options.Visitors;
                for (var m = 0; m < options.Messages; m++)
                {
                    var wait = next - Stopwatch.GetElapsedTime(start);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, ct);
                    }

                    next = Stopwatch.GetElapsedTime(start) + options.Interval;
                    var index = (v * options.Messages) + m;
                    sentAt[index] = Stopwatch.GetTimestamp();
                    try
                    {
                        await hubs[v].InvokeAsync<SendAckBody>("Send", "c" + m.ToString(CultureInfo.InvariantCulture), Text(run, v, m), ct);
                        Interlocked.Increment(ref stored);
                        InterlockedMax(ref lastAck, Stopwatch.GetTimestamp());
                    }
                    catch (HubException ex)
                    {
                        errors.AddOrUpdate(ex.Message, 1, (_, n) => n + 1);
                    }
                }
            }));

            // Pushes still on their way: wait for them a little, then count what never came.
            var wait = Stopwatch.StartNew();
            while (CountArrived(agent, options, run) < stored && wait.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50, ct);
            }

            var latencies = new List<double>(total);
            for (var v = 0; v < options.Visitors; v++)
            {
                for (var m = 0; m < options.Messages; m++)
                {
                    if (agent.Arrivals.TryGetValue(Text(run, v, m), out var arrived))
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(sentAt[(v * options.Messages) + m], arrived).TotalMilliseconds);
                    }
                }
            }

            latencies.Sort();
            var seconds = Stopwatch.GetElapsedTime(start, lastAck == 0 ? Stopwatch.GetTimestamp() : lastAck).TotalSeconds;
            return new WebChatResult(total, stored, stored / seconds, latencies.Count,
                Percentile(latencies, 0.50), Percentile(latencies, 0.95), latencies.Count == 0 ? 0 : latencies[^1], errors);
        }
        finally
        {
            foreach (var hub in hubs.Where(h => h is not null))
            {
                await hub.DisposeAsync();
            }
        }
    }

    private static string Text(int run, int visitor, int message) =>
        string.Create(CultureInfo.InvariantCulture, $"bench run {run} visitor {visitor} message {message}");

    private static int CountArrived(BenchAgent agent, WebChatOptions options, int run) =>
        agent.Arrivals.Keys.Count(k => k.StartsWith(string.Create(CultureInfo.InvariantCulture, $"bench run {run} "), StringComparison.Ordinal));

    // Nearest rank, as LatencyRecorder does.
    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }

    /// <summary>
    /// Visitors come from many addresses in real life; here each group of <see cref="VisitorsPerAddress"/> connects from
    /// its own loopback source address (127.0.x.y) so the per-address session limit sees them as it would in production.
    /// </summary>
    private static async Task<string[]> StartSessionsAsync(Uri baseAddress, int visitors, CancellationToken ct)
    {
        var tokens = new string[visitors];
        for (var first = 0; first < visitors; first += VisitorsPerAddress)
        {
            var n = Interlocked.Increment(ref _addresses);
            var source = new IPAddress([127, 0, (byte)(n / 250), (byte)((n % 250) + 2)]);
            using var http = new HttpClient(new SocketsHttpHandler { ConnectCallback = (context, token) => ConnectFromAsync(source, context.DnsEndPoint, token) })
            {
                BaseAddress = baseAddress,
            };
            await Parallel.ForAsync(first, Math.Min(first + VisitorsPerAddress, visitors), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
            {
                using var response = await http.PostAsJsonAsync("api/webchat/sessions", new SessionBody("default"), token);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"Starting a web chat session failed: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(token)}");
                }

                tokens[i] = (await response.Content.ReadFromJsonAsync<SessionAnswer>(token))!.VisitorToken;
            });
        }

        return tokens;
    }

    private static async ValueTask<Stream> ConnectFromAsync(IPAddress source, DnsEndPoint target, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(target, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
