using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Server.Channels.WebChat;
using Omnichannel.Server.Realtime;

namespace Omnichannel.Integration.Tests.Security;

/// <summary>
/// Every endpoint the server maps (from ASP.NET Core's endpoint data source) and every public hub method (by
/// reflection), called as each kind of caller, against the rule written for it in <see cref="AuthorizationRules"/>.
/// Allowed means anything but 401/403 (a 400 for a deliberately empty body has passed authorization); a 5xx fails.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class AuthorizationMatrixTests(StoreServers servers) : IAsyncLifetime
{
    private InboxApp _app = null!;
    private MatrixCallers _callers = null!;

    public async Task InitializeAsync()
    {
        // Every optional endpoint on, so each is checked.
        _app = new InboxApp(servers.For(StoreServers.Garnet).Redis, StoreServers.NewWorkspace())
        {
            Settings = { ["Omnichannel:WebChat:DemoPage"] = "true" },
        };
        var baseUrl = _app.StartKestrel();
        _callers = await MatrixCallers.CreateAsync(_app, baseUrl);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_its_rule_says()
    {
        var endpoints = MappedEndpoints();
        var unruled = endpoints.Where(e => !AuthorizationRules.Endpoints.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        Assert.True(unruled.Count == 0, "endpoints without an expectation: " + string.Join(", ", unruled));
        var stale = AuthorizationRules.Endpoints.Keys.Where(k => endpoints.All(e => e.Key != k)).ToList();
        Assert.True(stale.Count == 0, "expectations for endpoints that no longer exist: " + string.Join(", ", stale));

        var wrong = new List<string>();
        // Signing out and ending sessions go last.
        foreach (var endpoint in endpoints.OrderBy(e => e.Key.Contains("/logout", StringComparison.Ordinal) || e.Key.StartsWith("DELETE /api/auth/sessions", StringComparison.Ordinal)))
        {
            foreach (var who in May.Everyone)
            {
                var method = endpoint.Method != "*" ? endpoint.Method : endpoint.Pattern.EndsWith("/negotiate", StringComparison.Ordinal) ? "POST" : "GET";
                var status = await _callers.CallAsync(who, method, endpoint.Pattern);
                Assert.True((int)status < 500, $"{endpoint.Key} as {who} answered {(int)status}");
                var allowed = status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    && !AuthorizationRules.AlsoRefusals.GetValueOrDefault(endpoint.Key, []).Contains((int)status);
                if (allowed != AuthorizationRules.Endpoints[endpoint.Key].Contains(who))
                {
                    wrong.Add($"{endpoint.Key} as {who}: {(int)status}");
                }
            }
        }

        Assert.True(wrong.Count == 0, "answers that break the rule:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task Every_hub_method_answers_each_caller_as_its_rule_says()
    {
        var methods = HubMethods(typeof(AgentHub)).Concat(HubMethods(typeof(VisitorHub))).ToList();
        var unruled = methods.Select(m => $"{m.DeclaringType!.Name}.{m.Name}").Where(k => !AuthorizationRules.HubMethods.ContainsKey(k)).ToList();
        Assert.True(unruled.Count == 0, "hub methods without an expectation: " + string.Join(", ", unruled));

        var wrong = new List<string>();
        foreach (var (hub, type) in new[] { ("agent", typeof(AgentHub)), ("visitor", typeof(VisitorHub)) })
        {
            foreach (var who in May.Everyone)
            {
                await using var connection = await _callers.ConnectAsync(who, hub);
                if ((connection is not null) != AuthorizationRules.HubConnect[hub].Contains(who))
                {
                    wrong.Add($"{hub} hub connect as {who}: {(connection is null ? "refused" : "connected")}");
                }

                foreach (var method in HubMethods(type))
                {
                    var allowed = connection is not null && await _callers.InvokeAsync(connection, method);
                    if (allowed != AuthorizationRules.HubMethods[$"{type.Name}.{method.Name}"].Contains(who))
                    {
                        wrong.Add($"{type.Name}.{method.Name} as {who}: {(allowed ? "allowed" : "refused")}");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, "hub answers that break the rule:\n" + string.Join("\n", wrong));
    }

    private List<(string Key, string Method, string Pattern)> MappedEndpoints()
    {
        var sources = _app.Services.GetServices<EndpointDataSource>();
        return [.. sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => (Method: m, Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Select(e => e.Pattern == "/{*path:nonfile}" ? (e.Method, Pattern: "{*path:nonfile}") : e)
            .Select(e => (Key: $"{e.Method} {e.Pattern}", e.Method, e.Pattern))
            .DistinctBy(e => e.Key)
            .OrderBy(e => e.Key, StringComparer.Ordinal)];
    }

    private static IEnumerable<MethodInfo> HubMethods(Type hub) =>
        hub.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && !m.Name.StartsWith("On", StringComparison.Ordinal) && m.Name != nameof(Hub.Dispose));
}
