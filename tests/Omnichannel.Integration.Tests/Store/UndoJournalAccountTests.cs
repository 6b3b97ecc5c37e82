using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;
using static Omnichannel.Integration.Tests.Store.JournalInterruption;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>
/// The undo journal for accounts: an agent created and updated (with both sides of its queue memberships), a failed
/// sign-in counted up to a lockout, an agent's sessions created, touched and ended, and an API token created and
/// revoked; each stopped after every one of its writes and rolled back to exactly the store it found, expiries
/// included.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class UndoJournalAccountTests(JournalStoreServers servers)
{
    private static readonly TimeSpan Idle = TimeSpan.FromHours(8);

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task An_agent_saved_stopped_after_any_of_its_writes_is_rolled_back(string backend)
    {
        await using var store = await OpenJournaledAsync(backend);
        await store.Agents.TryCreateAsync(Agent(Ids.New(), "bob@example.test", ["a", "c"]));
        var ana = Agent(Ids.New(), "Ana@Example.test", ["a", "b"]);

        // The email's guard, the hash, the agents set and two queues' members.
        Assert.Equal(5, await InterruptEveryWayAsync(store, LuaScripts.AgentSave,
            store.Agents.SaveCall(ana, create: true)));
        Assert.Equal(ana.Id, (await store.Agents.FindByEmailAsync("ana@example.test"))!.Id);

        // Queues a, b become b, c: the hash, out of a and b, into b and c.
        var moved = ana with { Name = "Ana B", Queues = ["b", "c"] };
        Assert.Equal(5, await InterruptEveryWayAsync(store, LuaScripts.AgentSave,
            store.Agents.SaveCall(moved, create: false)));
        Assert.False(await store.Db.SetContainsAsync(store.Keys.QueueMembers("a"), ana.Id));
        Assert.True(await store.Db.SetContainsAsync(store.Keys.QueueMembers("b"), ana.Id));
        Assert.True(await store.Db.SetContainsAsync(store.Keys.QueueMembers("c"), ana.Id));

        // Refused (the email is taken; the agent is unknown): no write, no journal.
        Assert.False(await store.Agents.TryCreateAsync(Agent(Ids.New(), "ana@example.test", ["a"])));
        Assert.False(await store.Agents.UpdateAsync(Agent(Ids.New(), "zed@example.test", ["a"])));
        Assert.Empty(await CheckAsync(store));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_failed_sign_in_stopped_after_any_of_its_writes_is_rolled_back(string backend)
    {
        await using var store = await OpenJournaledAsync(backend);
        var policy = new LoginThrottlePolicy(3, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), 20,
            TimeSpan.FromSeconds(10));
        await store.Agents.RecordLoginFailureAsync("ana@example.test", "10.0.0.1", T0, policy);
        await store.Agents.RecordLoginFailureAsync("ana@example.test", "10.0.0.1", T0.AddMinutes(1), policy);

        // The third failure from the address: both counts with their expiries, and the lockout.
        var writes = await InterruptEveryWayAsync(store, LuaScripts.LoginFailure,
            store.Agents.LoginFailureCall("ana@example.test", "10.0.0.1", T0.AddMinutes(2), policy));
        Assert.Equal(5, writes);
        var throttle = await store.Agents.GetLoginThrottleAsync("ana@example.test", "10.0.0.1", T0.AddMinutes(2),
            policy);
        Assert.Equal(3, throttle.Failures);
        Assert.Equal(T0.AddMinutes(32), throttle.LockedUntil);

        // A first failure from another address starts its own count: the pair's key is new.
        Assert.Equal(4, await InterruptEveryWayAsync(store, LuaScripts.LoginFailure,
            store.Agents.LoginFailureCall("ana@example.test", "10.0.0.2", T0.AddMinutes(3), policy)));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_session_created_or_touched_stopped_after_any_of_its_writes_is_rolled_back(string backend)
    {
        await using var store = await OpenJournaledAsync(backend);
        var sessions = new RedisSessionStore(store.Connection);
        var agent = Ids.New();
        var first = Session(agent, T0);
        await sessions.CreateAsync(first, Idle);
        // A session that expired on its own: its id stays in the index until the next sign-in prunes it.
        await store.Db.SortedSetAddAsync(store.Keys.AgentSessions(agent), SessionIds.New(), 1);

        // The session with its expiry, the expired id pruned, the new id listed, the index's expiry moved.
        var second = Session(agent, T0.AddMinutes(5));
        Assert.Equal(5, await InterruptEveryWayAsync(store, LuaScripts.SessionCreate,
            sessions.CreateCall(second, Idle)));
        Assert.Equal(2, await store.Db.SortedSetLengthAsync(store.Keys.AgentSessions(agent)));

        // A touch: when it was seen, its expiry and its index's.
        Assert.Equal(3, await InterruptEveryWayAsync(store, LuaScripts.SessionTouch,
            sessions.TouchCall(first, T0.AddMinutes(10), Idle)));
        Assert.Equal(T0.AddMinutes(10), (await sessions.GetAsync(first.Id))!.LastSeenAt);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Sessions_ended_stopped_after_any_of_their_writes_are_rolled_back(string backend)
    {
        await using var store = await OpenJournaledAsync(backend);
        var sessions = new RedisSessionStore(store.Connection);
        var agent = Ids.New();
        var all = Enumerable.Range(0, 4).Select(i => Session(agent, T0.AddMinutes(i))).ToList();
        foreach (var session in all)
        {
            await sessions.CreateAsync(session, Idle);
        }

        // One session ends: the session (it comes back with its expiry) and its index entry.
        Assert.Equal(2, await InterruptEveryWayAsync(store, LuaScripts.SessionDelete,
            sessions.DeleteCall(agent, all[0].Id)));
        Assert.Null(await sessions.GetAsync(all[0].Id));

        // Signed out everywhere but here: two sessions, each with its index entry.
        Assert.Equal(4, await InterruptEveryWayAsync(store, LuaScripts.SessionDeleteAll,
            sessions.DeleteAllCall(agent, all[3].Id)));
        Assert.Equal([all[3].Id], (await sessions.ListAsync(agent)).Select(s => s.Id));
        Assert.True(await store.Db.KeyTimeToLiveAsync(store.Keys.Session(all[3].Id)) > TimeSpan.FromHours(7));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task An_api_token_created_or_deleted_stopped_after_any_of_its_writes_is_rolled_back(string backend)
    {
        await using var store = await OpenJournaledAsync(backend);
        await store.Tokens.CreateAsync(Token(Ids.New(), "CRM"));
        var token = Token(Ids.New(), "Billing");

        // The hash and its listing.
        Assert.Equal(2, await InterruptEveryWayAsync(store, LuaScripts.TokenCreate, store.Tokens.CreateCall(token)));
        var stored = (await store.Tokens.GetAsync(token.Id))!;
        Assert.Equal((token.Name, token.SecretHash, token.CreatedAt), (stored.Name, stored.SecretHash, stored.CreatedAt));
        Assert.Equal(token.Scopes, stored.Scopes);
        Assert.Equal(2, (await store.Tokens.ListAsync()).Count);

        // Revoked: the hash (it comes back whole) and its listing.
        Assert.Equal(2, await InterruptEveryWayAsync(store, LuaScripts.TokenDelete, store.Tokens.DeleteCall(token.Id)));
        Assert.Null(await store.Tokens.GetAsync(token.Id));
        Assert.Single(await store.Tokens.ListAsync());

        // Unknown or malformed: nothing deleted, no journal left.
        Assert.False(await store.Tokens.DeleteAsync(token.Id));
        Assert.False(await store.Tokens.DeleteAsync("../agents"));
        Assert.Empty(await CheckAsync(store));
    }

    private async Task<StoreUnderTest> OpenJournaledAsync(string backend) =>
        await OpenAsync(servers.For(backend), embedded: null, undoJournal: true);

    private static Agent Agent(string id, string email, IReadOnlyList<string> queues) =>
        new(id, email, "Ana", AgentRole.Agent, 3, queues, "hash", "stamp", T0);

    private static ApiToken Token(string id, string name) =>
        new(id, name, ["conversations:read"], "hash", "ana", T0);

    private static AgentSession Session(string agentId, DateTimeOffset at) =>
        new(SessionIds.New(), agentId, "Firefox on Linux", at, at);
}
