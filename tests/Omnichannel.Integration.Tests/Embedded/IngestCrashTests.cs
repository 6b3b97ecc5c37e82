using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Crash;
using Omnichannel.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Omnichannel.Integration.Tests.Embedded;

/// <summary>
/// Exactly once across repeated real crashes of the embedded store: clients post to the API channel without pause
/// while the server process is killed with SIGKILL again and again. Garnet replays a script cut off by the kill as
/// far as its append-only file got; the undo journal has to take that half back at the next start, or the client's
/// retry stores the message twice, or the store keeps something only a human could repair.
/// </summary>
public sealed class IngestCrashTests(ITestOutputHelper output)
{
    private const int Kills = 12;
    private const int Total = 1200;
    private const int Clients = 6;
    private const int Customers = 100;

    [Fact]
    public async Task Messages_posted_while_the_server_is_killed_12_times_are_each_stored_once_and_check_is_clean()
    {
        var data = TempDirectories.Create("oc-ingest-crash-");
        var settings = new Dictionary<string, string>
        {
            // No Redis connection string: the embedded store, persisted in the data folder every run shares.
            ["Omnichannel:Store:Redis"] = "",
            ["Omnichannel:Store:DataDirectory"] = data,
            ["Omnichannel:Store:Embedded:MemoryLimit"] = "256m",
            ["Omnichannel:RateLimits:InboundPerSecond"] = "0",
        };
        var clock = Stopwatch.StartNew();
        var posting = new Posting();
        ServerProcess? server = null;
        try
        {
            server = await ServerProcess.StartAsync(settings);
            string token;
            using (var admin = await server.SignInAsAdminAsync())
            {
                var created = await admin.PostAsJsonAsync("/api/tokens",
                    new { name = "crash", scopes = new[] { "inbound" } });
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                token = (await created.Content.ReadFromJsonAsync<TokenBody>())!.Token;
            }

            posting.Up(server.BaseAddress, token);
            var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(posting.RunAsync)).ToList();
            var random = new Random();
            var rolledBack = 0;
            for (var kill = 1; kill <= Kills; kill++)
            {
                // Mid-load: after some more messages went in, at a moment the clients do not choose.
                var target = posting.Acknowledged + random.Next(20, 80);
                await posting.WaitForAsync(target, TimeSpan.FromSeconds(30), server.Tail);
                posting.Down();
                await server.KillAsync();
                await server.DisposeAsync();
                server = null;
                var acknowledged = posting.Acknowledged;
                server = await ServerProcess.StartAsync(settings);
                rolledBack += server.Tail().Contains("Rolled back", StringComparison.Ordinal) ? 1 : 0;
                output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: kill {kill} after {acknowledged} acknowledged");
                posting.Up(server.BaseAddress, token);
            }

            await posting.WaitForAsync(Total, TimeSpan.FromSeconds(60), server.Tail);
            await Task.WhenAll(clients);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: all {Total} acknowledged; {rolledBack} of {Kills} "
                + "restarts rolled back an unfinished operation");

            // Every message once: each text appears exactly once among the stored messages, under the ids its
            // acknowledgement gave.
            using var reader = await server.SignInAsAdminAsync();
            var stored = new List<StoreReader.Message>();
            foreach (var conversation in await new StoreReader(reader).ConversationsAsync())
            {
                stored.AddRange(await new StoreReader(reader).MessagesAsync(conversation.Id));
            }

            var texts = stored.GroupBy(m => m.Text).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(texts.Count == 0, $"stored more than once: {string.Join(", ", texts.Take(10))}");
            Assert.Equal(Enumerable.Range(0, Total).Select(Text).Order(StringComparer.Ordinal),
                stored.Select(m => m.Text).Order(StringComparer.Ordinal));
            Assert.All(stored, m => Assert.Equal(posting.MessageIdOf(m.Text), m.Id));

            var (code, report) = await ServerProcess.RunCommandAsync(["check"], settings);
            output.WriteLine(report);
            Assert.True(code == 0, report);
        }
        finally
        {
            posting.Stop();
            if (server is not null)
            {
                await server.DisposeAsync();
            }

            TempDirectories.Delete(data);
        }
    }

    private static string Text(int i) => "Message " + i.ToString(CultureInfo.InvariantCulture);


    /// <summary>
    /// The clients: each takes the next message and posts it until the server acknowledges it (201, or 200 for one
    /// it already has), across kills and restarts.
    /// </summary>
    private sealed class Posting
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, string> _acknowledged = new(StringComparer.Ordinal);
        private readonly CancellationTokenSource _stop = new();
        private TaskCompletionSource<HttpClient> _server = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _next = -1;

        public int Acknowledged
        {
            get
            {
                lock (_gate)
                {
                    return _acknowledged.Count;
                }
            }
        }

        public string? MessageIdOf(string text)
        {
            lock (_gate)
            {
                return _acknowledged.GetValueOrDefault(text);
            }
        }

        public void Up(Uri baseAddress, string token)
        {
            var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            lock (_gate)
            {
                _server.TrySetResult(client);
            }
        }

        public void Down()
        {
            lock (_gate)
            {
                _server = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        public void Stop() => _stop.Cancel();

        /// <summary>
        /// Waits for <paramref name="acknowledged"/> messages; fails only when none was acknowledged for
        /// <paramref name="stall"/>. A busy machine is slow, not wrong: the embedded store waits for each AOF flush.
        /// </summary>
        public async Task WaitForAsync(int acknowledged, TimeSpan stall, Func<string> tail)
        {
            var last = Acknowledged;
            var sinceProgress = Stopwatch.StartNew();
            while (Acknowledged < Math.Min(acknowledged, Total))
            {
                if (Acknowledged != last)
                {
                    last = Acknowledged;
                    sinceProgress.Restart();
                }

                Assert.True(sinceProgress.Elapsed < stall, $"{Acknowledged} acknowledged, waiting for {acknowledged}, "
                    + $"none for {stall.TotalSeconds} s" + Environment.NewLine + tail());
                await Task.Delay(20);
            }
        }

        public async Task RunAsync()
        {
            for (var i = Interlocked.Increment(ref _next); i < Total; i = Interlocked.Increment(ref _next))
            {
                await PostUntilAcknowledgedAsync(i);
            }
        }

        private async Task PostUntilAcknowledgedAsync(int i)
        {
            var body = new
            {
                sourceId = "src-" + i.ToString(CultureInfo.InvariantCulture),
                contact = new { identifier = "customer-" + (i % Customers).ToString(CultureInfo.InvariantCulture) },
                text = Text(i),
            };
            while (true)
            {
                Task<HttpClient> server;
                lock (_gate)
                {
                    server = _server.Task;
                }

                var client = await server.WaitAsync(_stop.Token);
                try
                {
                    using var response = await client.PostAsJsonAsync("/api/inbound", body, _stop.Token);
                    if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                    {
                        var ids = (await response.Content.ReadFromJsonAsync<InboundBody>(_stop.Token))!;
                        lock (_gate)
                        {
                            _acknowledged[body.text] = ids.MessageId;
                        }

                        return;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException
                    && !_stop.IsCancellationRequested)
                {
                    // The server is being killed or is starting: the next attempt waits for the next one.
                }

                await Task.Delay(20, _stop.Token);
            }
        }
    }
}
