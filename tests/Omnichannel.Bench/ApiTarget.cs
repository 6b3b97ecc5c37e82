using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Omnichannel.Bench;

/// <summary>
/// Posts to <c>/api/inbound</c> of a real server process with an API token, one keep-alive connection per client:
/// what an integration sees, HTTP, authentication, mediator pipeline and store included.
/// </summary>
internal sealed class ApiTarget : IIngestTarget
{
    private readonly ServerProcess _server;
    private readonly HttpClient _http;

    private ApiTarget(ServerProcess server, HttpClient http)
    {
        _server = server;
        _http = http;
    }

    public string Mode => "api";

    public static async Task<ApiTarget> StartAsync(IStoreBackend backend, int clients, CancellationToken cancellationToken)
    {
        var server = await ServerProcess.StartAsync(backend.ConnectionString, cancellationToken);
        try
        {
            var token = await CreateInboundTokenAsync(server.BaseAddress, cancellationToken);
            var handler = new SocketsHttpHandler
            {
                MaxConnectionsPerServer = clients,
                UseCookies = false,
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            };
            var http = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return new ApiTarget(server, http);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    // As an admin would: sign in with the bootstrap account (cookie), then create a token with the inbound scope.
    private static async Task<string> CreateInboundTokenAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        using var admin = new HttpClient(new SocketsHttpHandler { UseCookies = true }) { BaseAddress = baseAddress };
        using var login = await admin.PostAsJsonAsync("api/auth/login",
            new LoginBody(ServerProcess.AdminEmail, ServerProcess.AdminPassword), BenchJsonContext.Default.LoginBody, cancellationToken);
        await EnsureSuccessAsync(login, "Signing in as the bootstrap admin", cancellationToken);

        using var created = await admin.PostAsJsonAsync("api/tokens",
            new CreateTokenBody("bench", ["inbound"]), BenchJsonContext.Default.CreateTokenBody, cancellationToken);
        await EnsureSuccessAsync(created, "Creating the API token", cancellationToken);
        var token = await created.Content.ReadFromJsonAsync(BenchJsonContext.Default.CreatedToken, cancellationToken);
        return token?.Token ?? throw new InvalidOperationException("The token endpoint answered without a token.");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"{what} failed: HTTP {(int)response.StatusCode} {body}");
        }
    }

    public async Task<LoadResult> IngestAsync(string runTag, LoadShape load, CancellationToken cancellationToken)
    {
        var cpuBefore = _server.ProcessorTime;
        var result = await PostAllAsync(runTag, load, cancellationToken);
        return result.Count == 0 ? result : result with { ServerCpuPerMessage = (_server.ProcessorTime - cpuBefore) / result.Count };
    }

    private Task<LoadResult> PostAllAsync(string runTag, LoadShape load, CancellationToken cancellationToken)
    {
        var messages = new BenchMessages(runTag, load.Threads);
        return LoadRunner.RunAsync(load.Messages, load.Clients, load.TimeLimit, async (i, ct) =>
        {
            var request = new InboundBody(
                messages.ExternalId(i),
                new InboundContactBody(messages.Customer(i), messages.CustomerName(i)),
                messages.ThreadKey(i),
                messages.Text(i));
            using var response = await _http.PostAsJsonAsync("api/inbound", request, BenchJsonContext.Default.InboundBody, ct);
            return response.StatusCode switch
            {
                HttpStatusCode.Created => null,
                // Every source id is new: 200 means the server took a fresh message for a duplicate.
                HttpStatusCode.OK => "HTTP 200 (reported as duplicate)",
                _ => await DescribeFailureAsync(response, ct),
            };
        }, cancellationToken);
    }

    // Labelled by status and problem title only: the detail carries a trace id that would make every label unique.
    private static async Task<string> DescribeFailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var label = $"HTTP {(int)response.StatusCode}";
        try
        {
            using var problem = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            if (problem.RootElement.ValueKind == JsonValueKind.Object && problem.RootElement.TryGetProperty("title", out var title))
            {
                label += ": " + title.GetString();
            }
        }
        catch (JsonException)
        {
            // Not a problem document; the status says enough.
        }

        return label;
    }

    /// <summary>The server's last log lines, for a run that had errors.</summary>
    public string ServerLog() => _server.Tail();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }
}
