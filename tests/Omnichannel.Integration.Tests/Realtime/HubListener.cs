using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Server.Realtime;

namespace Omnichannel.Integration.Tests.Realtime;

/// <summary>A hub connection that records what it receives.</summary>
internal sealed class HubListener : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<InboxEvent> _events = new();
    private readonly ConcurrentQueue<ViewersEvent> _viewers = new();
    private readonly ConcurrentQueue<ContactMergedEvent> _merges = new();
    private readonly ConcurrentQueue<IncidentUpdatedEvent> _incidents = new();
    private readonly TaskCompletionSource<DateTime> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HubListener(HubConnection connection)
    {
        Connection = connection;
        connection.On<InboxEvent>(nameof(IAgentClient.Event), _events.Enqueue);
        connection.On<ViewersEvent>(nameof(IAgentClient.Viewers), _viewers.Enqueue);
        connection.On<ContactMergedEvent>(nameof(IAgentClient.ContactMerged), _merges.Enqueue);
        connection.On<IncidentUpdatedEvent>(nameof(IAgentClient.IncidentUpdated), _incidents.Enqueue);
        connection.Closed += _ =>
        {
            _closed.TrySetResult(DateTime.UtcNow);
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    /// <summary>Completes with the time the server closed the connection.</summary>
    public Task<DateTime> Closed => _closed.Task;

    public IReadOnlyList<InboxEvent> Events => [.. _events];

    public IReadOnlyList<ContactMergedEvent> Merges => [.. _merges];

    public IReadOnlyList<IncidentUpdatedEvent> Incidents => [.. _incidents];

    /// <summary>A hub connection for the agent, signed in with the same cookie a browser would send.</summary>
    public static async Task<HubListener> SignInAsync(string baseUrl, string email, string password)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        return await StartAsync(new HubConnectionBuilder()
            .WithUrl(baseUrl + RealtimeRegistration.HubPath, o => o.Headers["Cookie"] = cookie)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(RealtimeRegistration.EnumsAsStrings))
            .Build());
    }

    /// <summary>A hub connection for an integration, with its API token as <c>access_token</c>.</summary>
    public static Task<HubListener> WithTokenAsync(string baseUrl, string token) =>
        StartAsync(new HubConnectionBuilder()
            .WithUrl(baseUrl + RealtimeRegistration.HubPath + "?access_token=" + Uri.EscapeDataString(token))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(RealtimeRegistration.EnumsAsStrings))
            .Build());

    public static async Task<HubListener> StartAsync(HubConnection connection)
    {
        var listener = new HubListener(connection);
        await connection.StartAsync();
        return listener;
    }

    public async Task<InboxEvent> WaitForAsync(Func<InboxEvent, bool> match)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < deadline)
        {
            if (_events.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The expected hub event did not arrive.");
    }

    public Task<ViewersEvent> WaitForViewersAsync(Func<ViewersEvent, bool> match) =>
        WaitInAsync(_viewers, match, "viewers");

    public Task<ContactMergedEvent> WaitForMergeAsync(Func<ContactMergedEvent, bool> match) =>
        WaitInAsync(_merges, match, "contact merged");

    public Task<IncidentUpdatedEvent> WaitForIncidentAsync(Func<IncidentUpdatedEvent, bool> match) =>
        WaitInAsync(_incidents, match, "incident updated");

    private static async Task<T> WaitInAsync<T>(ConcurrentQueue<T> received, Func<T, bool> match, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < deadline)
        {
            if (received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The expected {what} event did not arrive.");
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
