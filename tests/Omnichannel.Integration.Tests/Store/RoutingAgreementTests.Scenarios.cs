using Omnichannel.Core.Assignment;
using StackExchange.Redis;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>The random agent states every agreement case draws, and how they are written into the store.</summary>
public sealed partial class RoutingAgreementTests
{
    // Mixed case and digits: ordinal order (upper case first) must hold in Lua too.
    private static readonly string[] Names = ["Ana", "ana", "Ben", "b0", "Cleo", "cleo2", "Dev", "z9"];

    private sealed record Scenario(AgentState State, ShiftSetup Shift, PresenceSetup Presence);

    private enum ShiftSetup { None, Covering, EndsNow, StartsNow, Later }

    private enum PresenceSetup { None, Present, ExpiresNow, Expired }

    private static List<Scenario> RandomAgents(Random random, int scenario, DateTimeOffset now)
    {
        var count = random.Next(1, 6);
        var names = Names.OrderBy(_ => random.Next()).Take(count).ToList();
        var agents = new List<Scenario>(count);
        foreach (var name in names)
        {
            // Most agents are on duty, so that picks are common; the rest have every condition drawn at random.
            var onDuty = random.Next(10) < 7;
            var shift = onDuty ? ShiftSetup.Covering : (ShiftSetup)random.Next(5);
            var presence = onDuty ? PresenceSetup.Present : (PresenceSetup)random.Next(4);
            // Ties on the last assignment time are common on purpose: they exercise the second and third rules.
            DateTimeOffset? last = random.Next(3) == 0 ? null : now.AddMinutes(-random.Next(0, 4));
            agents.Add(new Scenario(
                new AgentState(
                    AgentId: $"{name}-{scenario}",
                    Availability: onDuty ? Availability.Online : (Availability)random.Next(3),
                    IsPresent: presence == PresenceSetup.Present,
                    OnShift: shift is ShiftSetup.Covering or ShiftSetup.StartsNow,
                    IsPaused: !onDuty && random.Next(3) == 0,
                    OpenCount: random.Next(0, 4),
                    Capacity: random.Next(0, 5),
                    IsQueueMember: onDuty || random.Next(3) != 0,
                    LastAssignedAt: last),
                shift,
                presence));
        }

        return agents;
    }

    /// <summary>
    /// Writes the states the way the store keeps them (agent hash, presence, shift windows, open index). An agent's
    /// open count is made of the open conversations <paramref name="held"/> says the store already has for it, and
    /// placeholder entries for the rest.
    /// </summary>
    private static async Task WriteAsync(StoreUnderTest store, string queue, QueuePolicy policy, List<Scenario> agents,
        DateTimeOffset now, HandoverPolicy handover = HandoverPolicy.Keep,
        IReadOnlyDictionary<string, int>? held = null)
    {
        var keys = store.Keys;
        var db = store.Db;
        var ms = now.ToUnixTimeMilliseconds();
        var batch = db.CreateBatch();
        var writes = new List<Task>
        {
            batch.HashSetAsync(keys.Queue(queue),
            [
                new("id", queue), new("name", queue), new("policy", QueuePolicyText.ToText(policy)),
                new("handover", HandoverPolicyText.ToText(handover)), new("timeoutMinutes", ""),
            ]),
        };
        foreach (var (state, shift, presence) in agents)
        {
            var id = state.AgentId;
            writes.Add(batch.HashSetAsync(keys.Agent(id),
            [
                new("id", id), new("availability", AvailabilityText.ToText(state.Availability)),
                new("paused", state.IsPaused ? "1" : "0"), new("capacity", state.Capacity),
                new("queues", $"[\"{queue}\"]"),
                new("rrAt", state.LastAssignedAt is { } at ? at.ToUnixTimeMilliseconds() : RedisValue.EmptyString),
            ]));
            if (state.LastAssignedAt is null)
            {
                writes.Add(batch.HashDeleteAsync(keys.Agent(id), "rrAt"));
            }

            if (state.IsQueueMember)
            {
                writes.Add(batch.SetAddAsync(keys.QueueMembers(queue), id));
            }

            (long Start, long End)? window = shift switch
            {
                ShiftSetup.Covering => (ms - 3_600_000, ms + 3_600_000),
                ShiftSetup.EndsNow => (ms - 3_600_000, ms),
                ShiftSetup.StartsNow => (ms, ms + 3_600_000),
                ShiftSetup.Later => (ms + 1, ms + 3_600_000),
                _ => null,
            };
            if (window is { } w)
            {
                writes.Add(batch.SortedSetAddAsync(keys.AgentShifts(id), $"{w.Start}:{w.End}", w.End));
            }

            long? presentUntil = presence switch
            {
                PresenceSetup.Present => ms + 30_000,
                PresenceSetup.ExpiresNow => ms,
                PresenceSetup.Expired => ms - 30_000,
                _ => null,
            };
            if (presentUntil is { } until)
            {
                writes.Add(batch.SortedSetAddAsync(keys.Presence, id, until));
            }

            var placeholders = state.OpenCount - (held?.GetValueOrDefault(id) ?? 0);
            for (var i = 0; i < placeholders; i++)
            {
                writes.Add(batch.SortedSetAddAsync(keys.IndexAgent(id, "open"), $"held-{id}-{i}", ms));
            }
        }

        batch.Execute();
        await Task.WhenAll(writes);
    }
}
