using System.Diagnostics;
using Omnichannel.Core.Assignment;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Scheduling;
using Omnichannel.Redis;
using Omnichannel.Server.Assignment;

namespace Omnichannel.Bench.Simulation;

/// <summary>
/// Drives the real store through the simulated time: customers write, agents connect, heartbeat, pause, drop out,
/// answer and resolve, and each tick the sweep does what the server's <c>AssignmentSweeper</c> does. Single-threaded
/// and on a fake clock (every store call is given its instant), so a week runs in seconds and the same seed gives
/// the same run. Every assignment the store reports goes through <see cref="AssignmentCheck"/>.
/// </summary>
public sealed class SimulationRunner
{
    private static readonly TimeSpan WindowRefresh = TimeSpan.FromHours(1);
    private static readonly TimeSpan WindowsAhead = TimeSpan.FromDays(14);
    private static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(30);

    private readonly SimulationOptions _options;
    private readonly SimulationStore _store;
    private readonly SimEventQueue _events = new();
    private readonly SimulationStats _stats = new();
    private readonly List<SimAgent> _agents;
    private readonly AssignmentCheck _check;
    private readonly AgentWork _work;
    private readonly DateTimeOffset _start;
    private readonly DateTimeOffset _end;
    private DateTimeOffset _lastSweep;
    private DateTimeOffset _lastWindowRefresh = DateTimeOffset.MinValue;
    private DateTimeOffset? _nextBoundary;

    public SimulationRunner(SimulationOptions options, RedisConnection connection)
    {
        _options = options;
        _store = new SimulationStore(connection);
        _start = WallClock.ToInstant(options.WeekStart.ToDateTime(TimeOnly.MinValue), SimulationTeam.TimeZone);
        _end = options.Hours is { } hours
            ? _start.AddHours(hours)
            : WallClock.ToInstant(options.WeekStart.AddDays(options.Days).ToDateTime(TimeOnly.MinValue), SimulationTeam.TimeZone);
        _agents = [.. SimulationTeam.Members.Select((m, i) => new SimAgent(
            i, m, SimulationTeam.Shifts.Single(s => s.Id == m.ShiftId), new Random(unchecked((options.Seed * 7919) + ((i + 1) * 104729)))))];
        _work = new AgentWork(_events, _store, _stats);
        _check = new AssignmentCheck(_agents, _stats, _work.Plan);
        _work.Check = _check;
    }

    public async Task<SimulationSummary> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await SetUpAsync();
        var random = new Random(_options.Seed);
        var arrivals = ArrivalCurve.Generate(random, _start, _end);
        for (var i = 0; i < arrivals.Count; i++)
        {
            _events.Add(new SimEvent(SimEventKind.Arrival, arrivals[i], Number: i + 1));
        }

        foreach (var e in AgentSchedule.Generate(random, _start, _end))
        {
            _events.Add(e);
        }

        _lastSweep = _start;
        _events.Add(new SimEvent(SimEventKind.Sweep, _start));
        // The last sweep runs at the end instant itself.
        while (_events.TryTakeBefore(_end.AddTicks(1), out var e))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await HandleAsync(e);
        }

        _stats.EndWaiting = (await _store.Call(s => s.Assignments.ReadWaitingAsync(SimulationTeam.QueueId))).Count;
        _stats.EndOpenAssigned = _check.Conversations.Count(c => !c.Resolved && c.Assignee is not null);
        _stats.StoreCalls = _store.Calls;
        return new SimulationSummary(_options, _start, _end, _stats, _agents, clock.Elapsed);
    }

    private async Task SetUpAsync()
    {
        foreach (var member in SimulationTeam.Members)
        {
            var agent = new Agent(member.AgentId, $"{member.AgentId}@example.invalid", member.AgentId, AgentRole.Agent, member.Capacity,
                [SimulationTeam.QueueId], PasswordHash: "simulated", SecurityStamp: "simulated", _start);
            if (!await _store.Call(s => s.Agents.TryCreateAsync(agent)))
            {
                throw new InvalidOperationException($"The agent {member.AgentId} exists already: the simulation needs a fresh workspace.");
            }
        }

        var members = SimulationTeam.Members.Select(m => m.AgentId).ToList();
        var queue = new QueueSettings(SimulationTeam.QueueId, "Default", QueuePolicy.RoundRobin, HandoverPolicy.RequeueWhenOffline,
            _options.UnansweredTimeoutMinutes, members, _start, _start);
        await _store.Call(s => s.Queues.SaveAsync(queue, members, createOnly: false, "simulation", _start));
    }

    private Task HandleAsync(SimEvent e) => e.Kind switch
    {
        SimEventKind.Sweep => SweepAsync(e.At),
        SimEventKind.Arrival => _work.ArriveAsync(e),
        SimEventKind.CustomerReturn => _work.ReturnAsync(e),
        SimEventKind.Reply => _work.ReplyAsync(e),
        SimEventKind.Resolve => _work.ResolveAsync(e),
        _ => PresenceAsync(e, _agents[e.Agent]),
    };

    /// <summary>The model changes first, as the store's script changes state before it assigns.</summary>
    private async Task PresenceAsync(SimEvent e, SimAgent agent)
    {
        var now = e.At;
        IReadOnlyList<AssignmentChange> changes = [];
        switch (e.Kind)
        {
            case SimEventKind.Connect:
            case SimEventKind.OutageEnd when e.Style == AwayStyle.SignOff:
                Connect(agent, now);
                agent.Availability = Availability.Online;
                changes = (await _store.Call(s => s.Assignments.SetAvailabilityAsync(agent.Id, Availability.Online, agent.Id, now))).Changes;
                break;
            case SimEventKind.OutageEnd:
                Connect(agent, now);
                changes = (await _store.Call(s => s.Assignments.HeartbeatAsync(agent.Id, now))).Changes;
                break;
            case SimEventKind.Heartbeat when agent.Connected && e.Generation == agent.Generation:
                agent.PresentUntil = now + Presence.Lifetime;
                _events.Add(e with { At = now + HeartbeatEvery });
                changes = (await _store.Call(s => s.Assignments.HeartbeatAsync(agent.Id, now))).Changes;
                break;
            case SimEventKind.Heartbeat:
                return;
            case SimEventKind.Leave:
            case SimEventKind.OutageStart:
                _stats.Outages += e.Kind == SimEventKind.OutageStart ? 1 : 0;
                agent.Connected = false;
                if (e.Style == AwayStyle.SignOff)
                {
                    agent.Availability = Availability.Offline;
                    agent.PresentUntil = null;
                    changes = (await _store.Call(s => s.Assignments.SetAvailabilityAsync(agent.Id, Availability.Offline, agent.Id, now))).Changes;
                }

                break;
            case SimEventKind.PauseStart:
            case SimEventKind.PauseEnd:
                agent.Paused = e.Kind == SimEventKind.PauseStart;
                _stats.Pauses += agent.Paused ? 1 : 0;
                changes = (await _store.Call(s => s.Assignments.SetPausedAsync(agent.Id, agent.Paused, "lead", now))).Changes;
                break;
            default:
                throw new InvalidOperationException($"Unhandled event {e.Kind}.");
        }

        _check.Apply(changes, now, $"{e.Kind} {agent.Id}");
    }

    private void Connect(SimAgent agent, DateTimeOffset now)
    {
        agent.Connected = true;
        agent.Generation++;
        agent.PresentUntil = now + Presence.Lifetime;
        _events.Add(new SimEvent(SimEventKind.Heartbeat, now + HeartbeatEvery, agent.Index, Generation: agent.Generation));
    }

    /// <summary>What <c>AssignmentSweeper.SweepAsync</c> does, in its order, on the simulated clock.</summary>
    private async Task SweepAsync(DateTimeOffset now)
    {
        _stats.Sweeps++;
        if (now - _lastWindowRefresh >= WindowRefresh)
        {
            foreach (var agent in _agents)
            {
                var windows = ShiftWindows.For(agent.Id, SimulationTeam.Shifts, now, WindowsAhead);
                _check.Apply((await _store.Call(s => s.Assignments.SetShiftWindowsAsync(agent.Id, windows, now))).Changes, now, "shift windows");
            }

            _lastWindowRefresh = now;
        }

        _nextBoundary ??= ShiftWindows.NextBoundary(SimulationTeam.Shifts, _lastSweep);
        if (_nextBoundary is { } boundary && boundary <= now)
        {
            _stats.Boundaries++;
            _check.Apply(await _store.Call(s => s.Assignments.HandoverAsync(SimulationTeam.QueueId, null, now)), now, "shift boundary");
            _nextBoundary = ShiftWindows.NextBoundary(SimulationTeam.Shifts, now);
        }

        var expired = await _store.Call(s => s.Assignments.ExpiredPresenceAsync(_lastSweep, now));
        _check.CompareExpired(expired, _lastSweep, now);
        foreach (var agentId in expired)
        {
            _check.Apply(await _store.Call(s => s.Assignments.HandoverAsync(SimulationTeam.QueueId, agentId, now)), now, $"presence expiry {agentId}");
        }

        _check.Apply(await _store.Call(s => s.Assignments.ReassignUnansweredAsync(now, 500)), now, "unanswered timeout");
        _check.Apply(await _store.Call(s => s.Assignments.DrainAsync([SimulationTeam.QueueId], now)), now, "sweep drain");

        var agents = await _store.Call(s => s.Assignments.ReadAgentsAsync(SimulationTeam.QueueId, null, now));
        var waiting = await _store.Call(s => s.Assignments.ReadWaitingAsync(SimulationTeam.QueueId));
        _check.Compare(agents, waiting, now);

        _lastSweep = now;
        _events.Add(new SimEvent(SimEventKind.Sweep, now + _options.Tick));
    }
}
