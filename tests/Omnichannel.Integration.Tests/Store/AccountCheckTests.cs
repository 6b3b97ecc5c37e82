using Omnichannel.Core.Assignment;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Scheduling;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;
using Omnichannel.Redis.Checking;
using StackExchange.Redis;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>
/// The checker on accounts and settings: agents with their email guard and both sides of their queue memberships,
/// sessions with their agents' indexes, queues, shifts, sites and API tokens with the sets that list them. Written
/// through the store API they hold together; with any key or entry deleted the checker says so.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class AccountCheckTests(StoreServers servers)
{
    private const int Seeds = 40;

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Accounts_written_only_through_the_store_API_have_no_findings(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        await FillAsync(store);

        Assert.Empty(await CheckAsync(store));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Deleting_any_account_key_or_entry_is_found(string backend)
    {
        for (var seed = 1; seed <= Seeds; seed++)
        {
            await using var store = await OpenAsync(servers, backend);
            await FillAsync(store);

            var deleted = await DeleteSomethingAsync(store, new Random(seed));

            Assert.True((await CheckAsync(store)).Count > 0, $"seed {seed}: deleting {deleted} went unnoticed");
        }
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task An_agent_listed_without_its_hash_is_found(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var (ana, _, _, _) = await FillAsync(store);

        await store.Db.KeyDeleteAsync(store.Keys.Agent(ana));

        // Listed, guarding its email and in its queues' members: each of them now points at nothing.
        Assert.Equal(
        [
            ("email-index-orphan", "agents:by-email"), ("listing-orphan", "agents"),
            ("membership-stale", "queue:billing:members"), ("membership-stale", "queue:support:members"),
        ],
            (await CheckAsync(store)).Select(f => (f.Kind, f.Key)));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task An_email_guard_without_its_agent_is_found(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        await FillAsync(store);

        await store.Db.HashSetAsync(store.Keys.AgentsByEmail, "gone@example.test", Ids.New());

        var finding = Assert.Single(await CheckAsync(store));
        Assert.Equal(("email-index-orphan", "agents:by-email"), (finding.Kind, finding.Key));
        Assert.Contains("gone@example.test", finding.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_session_missing_from_its_agents_index_is_found(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var (ana, _, session, _) = await FillAsync(store);

        await store.Db.SortedSetRemoveAsync(store.Keys.AgentSessions(ana), session);

        var finding = Assert.Single(await CheckAsync(store));
        Assert.Equal(("session-unlisted", "session:" + session), (finding.Kind, finding.Key));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_queue_membership_on_one_side_only_is_found(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var (ana, bob, _, _) = await FillAsync(store);

        await store.Db.SetRemoveAsync(store.Keys.QueueMembers("support"), ana);
        await store.Db.SetAddAsync(store.Keys.QueueMembers("billing"), bob);

        var findings = await CheckAsync(store);
        Assert.Equal([("membership-missing", "queue:support:members"), ("membership-stale", "queue:billing:members")],
            findings.Select(f => (f.Kind, f.Key)));
        Assert.Contains(ana, findings[0].Detail, StringComparison.Ordinal);
        Assert.Contains(bob, findings[1].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Records_their_sets_do_not_list_are_found(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var (_, bob, _, token) = await FillAsync(store);
        (string Set, string Id)[] unlisted =
            [("agents", bob), ("queues", "billing"), ("shifts", "night"), ("sites", "shop"), ("tokens", token)];

        foreach (var (set, id) in unlisted)
        {
            await store.Db.SetRemoveAsync(store.Keys.Prefix + set, id);
        }

        var findings = await CheckAsync(store);
        Assert.All(findings, f => Assert.Equal("listing-missing", f.Kind));
        Assert.Equal(["agent:" + bob, "queue:billing", "shift:night", "site:shop", "token:" + token],
            findings.Select(f => f.Key));
    }

    private static async Task<IReadOnlyList<StoreFinding>> CheckAsync(StoreUnderTest store) =>
        (await new StoreChecker(store.Keys).CheckAsync(store.Db)).Findings;

    // Two queues, Ana in both (one membership written with the agent, one by the queue), Bob in one; Ana signed in
    // twice and Bob once; a shift, a site and an API token. Returns the agents', one of Ana's sessions' and the
    // token's ids.
    private static async Task<(string Ana, string Bob, string AnaSession, string Token)> FillAsync(StoreUnderTest store)
    {
        foreach (var queue in new[] { "support", "billing" })
        {
            await store.Queues.SaveAsync(new QueueSettings(queue, queue, QueuePolicy.RoundRobin,
                HandoverPolicy.RequeueWhenOffline, null, [], T0, T0), null, true, "lead", T0);
        }

        var ana = Ids.New();
        var bob = Ids.New();
        Assert.True(await store.Agents.TryCreateAsync(Agent(ana, "Ana@Example.test", ["support"])));
        Assert.True(await store.Agents.TryCreateAsync(Agent(bob, "bob@example.test", ["support"])));
        var billing = new QueueSettings("billing", "Billing", QueuePolicy.RoundRobin, HandoverPolicy.RequeueWhenOffline,
            30, [], T0, T0);
        Assert.Equal(QueueSaveStatus.Updated, (await store.Queues.SaveAsync(billing, [ana], false, "lead", T0)).Status);

        var sessions = new RedisSessionStore(store.Connection);
        var anaSession = new AgentSession(SessionIds.New(), ana, "Firefox on Linux", T0, T0);
        await sessions.CreateAsync(anaSession, TimeSpan.FromHours(8));
        await sessions.CreateAsync(new AgentSession(SessionIds.New(), ana, "Phone", T0, T0), TimeSpan.FromHours(8));
        await sessions.CreateAsync(new AgentSession(SessionIds.New(), bob, "Phone", T0, T0), TimeSpan.FromHours(8));

        await store.Shifts.SaveAsync(new Shift("night", "Night", "Europe/Berlin",
            [new ShiftPeriod(new HashSet<DayOfWeek> { DayOfWeek.Monday }, new TimeOnly(22, 0), new TimeSpan(6, 0, 0))],
            [], [], [ana, bob]), T0);
        Assert.True(await new RedisSiteStore(store.Connection).SaveAsync(new Site("shop", "Shop", "Hi", "#123456",
            "right", "optional", "optional", ["https://shop.example.test"], "support", null, "Back soon", "secret", T0,
            T0), createOnly: true));
        var token = new ApiToken(Ids.New(), "CRM", [ApiScopes.Inbound], "hash", "admin", T0);
        await store.Tokens.CreateAsync(token);
        return (ana, bob, anaSession.Id, token.Id);
    }

    private static Agent Agent(string id, string email, IReadOnlyList<string> queues) =>
        new(id, email, "Agent", AgentRole.Agent, 3, queues, "hash", "stamp", T0);

    // One random deletion among the account keys and entries the checker guards; describes what it did. Not:
    // sessions (they expire on their own, their index entries with them or at the next sign-in), the audit trail.
    private static async Task<string> DeleteSomethingAsync(StoreUnderTest store, Random random)
    {
        var (chosen, key) = await GuardedKeys.PickAsync(store, random, IsGuarded);
        switch (random.Next(2), await store.Db.KeyTypeAsync(key))
        {
            case (0, RedisType.Hash) when chosen.StartsWith("agent", StringComparison.Ordinal):
                // An agent's email or queues, or one email's guard.
                var fields = chosen == "agents:by-email"
                    ? (await store.Db.HashKeysAsync(key)).Select(f => (string)f!).Order(StringComparer.Ordinal).ToList()
                    : ["email", "queues"];
                var field = fields[random.Next(fields.Count)];
                await store.Db.HashDeleteAsync(key, field);
                return $"field {field} of {chosen}";
            case (0, RedisType.Set):
                var members = (await store.Db.SetMembersAsync(key)).Select(m => (string)m!)
                    .Order(StringComparer.Ordinal).ToList();
                var member = members[random.Next(members.Count)];
                await store.Db.SetRemoveAsync(key, member);
                return $"{member} from {chosen}";
            case (0, RedisType.SortedSet):
                var sessions = (await store.Db.SortedSetRangeByRankAsync(key)).Select(m => (string)m!).ToList();
                var session = sessions[random.Next(sessions.Count)];
                await store.Db.SortedSetRemoveAsync(key, session);
                return $"{session} from {chosen}";
        }

        await store.Db.KeyDeleteAsync(key);
        return "key " + chosen;
    }

    private static bool IsGuarded(string name) => name.Split(':') switch
    {
        ["agent", _] or ["agent", _, "sessions"] or ["agents"] or ["agents", "by-email"] => true,
        ["queue", _] or ["queue", _, "members"] or ["queues"] => true,
        ["shift", _] or ["shifts"] or ["site", _] or ["sites"] or ["token", _] or ["tokens"] => true,
        _ => false,
    };
}
