using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Hostile;

/// <summary>
/// Every case of <c>tests/hostile</c> against the real server: a clear 4xx with problem details (or, where the input
/// is harmless, a sanitized acceptance), never a 5xx, and a refused request leaves every key of the store as it was.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class HostileCorpusTests(StoreServers servers, HostileCorpusApp app) : IClassFixture<HostileCorpusApp>
{
    public static TheoryData<string> Cases => HostileCorpus.Ids();

    [Fact]
    public void The_corpus_holds_at_least_150_cases() =>
        Assert.True(HostileCorpus.Count >= 150, $"tests/hostile holds {HostileCorpus.Count} cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hostile_input_is_refused_or_made_harmless(string id)
    {
        var hostile = HostileCorpus.Get(id);
        await app.StartAsync(servers);
        var visitor = hostile.As == "visitor" ? await app.NewVisitorAsync() : null;
        var before = await app.FingerprintAsync();

        var refused = hostile.Hub is { } hub
            ? await InvokeHubAsync(hostile, hub, visitor)
            : await SendAsync(hostile, visitor);

        if (hostile.Expect == "quarantined")
        {
            // Set aside for an admin (docs/operations.md), and nothing else written: no contact, no conversation.
            var after = await app.FingerprintAsync();
            Assert.NotEqual(before.GetValueOrDefault("quarantine"), after.GetValueOrDefault("quarantine"));
            AssertUnchanged(before, after, [.. hostile.MayWrite, "quarantine", "audit"]);
        }
        else if (refused)
        {
            AssertUnchanged(before, await app.FingerprintAsync(), hostile.MayWrite);
        }
    }

    /// <returns>True when the request was refused (or ignored), so nothing may have been stored.</returns>
    private async Task<bool> SendAsync(HostileCase hostile, string? visitor)
    {
        using var response = await app.SendAsync(hostile, visitor);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status < 500, $"{hostile.Id} answered {status}: {Shorten(body)}");
        switch (hostile.Expect)
        {
            case "accepted":
                Assert.True(status is >= 200 and < 300, $"{hostile.Id} answered {status}, expected 2xx: {Shorten(body)}");
                foreach (var forbidden in hostile.MustNotContain)
                {
                    Assert.False(body.Contains(forbidden, StringComparison.Ordinal), $"{hostile.Id} echoed \"{forbidden}\": {Shorten(body)}");
                }

                return false;
            case "quarantined":
                Assert.True(status is >= 200 and < 300, $"{hostile.Id} answered {status}, expected 2xx: {Shorten(body)}");
                return false;
            case "ignored":
                Assert.True(status is >= 200 and < 300, $"{hostile.Id} answered {status}, expected 2xx: {Shorten(body)}");
                return true;
            case "4xx":
                Assert.True(status is >= 400 and < 500, $"{hostile.Id} answered {status}, expected 4xx: {Shorten(body)}");
                break;
            default:
                Assert.True(int.Parse(hostile.Expect, System.Globalization.CultureInfo.InvariantCulture) == status,
                    $"{hostile.Id} answered {status}, expected {hostile.Expect}: {Shorten(body)}");
                break;
        }

        if (hostile.Method != "HEAD")
        {
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                $"{hostile.Id}: a {status} without problem details ({response.Content.Headers.ContentType}): {Shorten(body)}");
            using var problem = JsonDocument.Parse(body);
            Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        }

        return true;
    }

    private async Task<bool> InvokeHubAsync(HostileCase hostile, string hub, string? visitor)
    {
        await using var connection = await app.ConnectAsync(hub, hostile.As, visitor);
        var closedByServer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closedByServer.TrySetResult();
            return Task.CompletedTask;
        };
        var method = (string)hostile.Spec["invoke"]!;
        var args = hostile.Spec["args"]?.AsArray().Select(Argument).ToArray() ?? [];
        Exception? error = null;
        var closed = false;
        try
        {
            await connection.InvokeCoreAsync(method, typeof(object), args);
        }
        catch (HubException ex) when (connection.State == HubConnectionState.Connected)
        {
            error = ex;
        }
        catch (Exception ex) when (ex is HubException or InvalidOperationException or TaskCanceledException or IOException)
        {
            // The client reports the server closing the connection as a HubException too: the state tells them apart.
            closed = true;
        }

        if (hostile.Expect == "closed" && !closed)
        {
            // The invocation may fail just before the client marks the connection closed: wait for the close itself.
            closed = await Task.WhenAny(closedByServer.Task, Task.Delay(TimeSpan.FromSeconds(5))) == closedByServer.Task;
        }

        if (hostile.Expect == "closed")
        {
            // A frame past the hub's message size: the server drops the connection before reading a method.
            Assert.True(closed, $"{hostile.Id}: the connection stayed open ({error?.Message ?? "accepted"})");
            return true;
        }

        Assert.False(closed, $"{hostile.Id}: the server closed the connection");
        switch (hostile.Expect)
        {
            case "refused":
                // SignalR passes a HubException's message on ("... HubException: <why>"); anything else is a crash.
                Assert.True(error is not null, $"{hostile.Id}: the hub accepted it");
                Assert.Contains("HubException: ", error!.Message, StringComparison.Ordinal);
                return true;
            case "accepted":
                Assert.True(error is null, $"{hostile.Id}: the hub refused it: {error?.Message}");
                return false;
            default:
                throw new InvalidDataException($"{hostile.Id}: a hub case expects \"refused\", \"accepted\" or \"closed\".");
        }
    }

    private object? Argument(JsonNode? node) => node switch
    {
        null => null,
        JsonArray array => array.Select(n => n is null ? null : app.Fill(HostileCase.Expand(n.ToString()))).ToList(),
        JsonValue value when value.TryGetValue<long>(out var number) => number,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        _ => app.Fill(HostileCase.Expand(node.ToString())),
    };

    private void AssertUnchanged(Dictionary<string, string> before, Dictionary<string, string> after, IReadOnlyList<string> mayWrite)
    {
        var changed = before.Keys.Union(after.Keys)
            .Where(key => before.GetValueOrDefault(key) != after.GetValueOrDefault(key))
            .Where(key => after.ContainsKey(key) || !app.ExpiredByItself(key))
            .Where(key => !mayWrite.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal)))
            .Select(key => $"{key}: {before.GetValueOrDefault(key) ?? "-"} -> {after.GetValueOrDefault(key) ?? "-"}")
            .ToList();
        Assert.True(changed.Count == 0, "a refused request changed the store: " + string.Join("; ", changed));
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";
}
