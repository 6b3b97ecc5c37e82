using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;
using static Omnichannel.Integration.Tests.Store.JournalInterruption;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>
/// The roll-back itself (journal_rollback.lua) cut off by a kill: Garnet keeps a prefix of its writes, so the next
/// start finds the journal with its newest records popped and the next one perhaps undone already. Operations that
/// leave every kind of undo record are stopped after each of their writes, their roll-back is cut after each of its
/// own, twice, and the next roll-back must end in exactly the store the operation found.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class JournalRollBackTests(JournalStoreServers servers)
{
    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_roll_back_cut_off_after_any_of_its_writes_is_finished_by_the_next(string backend)
    {
        var options = servers.For(backend);
        options.EventLogCapacity = 5;
        await using var store = await OpenAsync(options, embedded: null, undoJournal: true);
        for (var i = 0; i < 6; i++)
        {
            await store.Conversations.IngestAsync(Inbound.Message($"filler{i}", $"f{i}"), T0);
        }

        // A new contact and conversation past the event log's cap: hashes, sets, sorted sets, counters, a trim.
        var cuts = await InterruptRollBackEveryWayAsync(store, LuaScripts.Ingest,
            store.Conversations.IngestCall(Inbound.Message("zed", "z1"), T0.AddMinutes(1)));
        Assert.True(cuts > 40, $"only {cuts} roll-backs were cut");
        var zed = ((string)(await store.Db.StringGetAsync(store.Keys.Prefix + "dedup:api:acme:z1"))!).Split('|')[0];

        // Two replies queued; the first claimed (a list move), put off, then due again with the second claimed.
        var outbox = new RedisOutboundQueue(store.Connection);
        var replies = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            replies.Add((await store.Conversations.AppendOutboundAsync(
                new OutboundMessage(zed, AuthorKind.Agent, "ana", "Ana", $"Reply {i}", false), T0))!.MessageId);
        }

        await InterruptRollBackEveryWayAsync(store, LuaScripts.ClaimOutbound, outbox.ClaimCall("api", T0));
        await InterruptRollBackEveryWayAsync(store, LuaScripts.RetryLater,
            outbox.RetryLaterCall("api", replies[0], T0.AddMinutes(1)));
        await InterruptRollBackEveryWayAsync(store, LuaScripts.ClaimOutbound,
            outbox.ClaimCall("api", T0.AddMinutes(2)));
        Assert.Equal([replies[0]], (await store.Db.ListRangeAsync(store.Keys.Prefix + "outbox:api")).Select(v => (string)v!));

        // A mail of a thread whose References list is full (trimmed from the left) and whose subject key expires.
        var mailbox = new RedisMailboxState(store.Connection);
        for (var i = 0; i < 50; i++)
        {
            await mailbox.RecordOutgoingAsync("help", "t1", $"out{i}@example.test");
        }

        await store.Db.StringSetAsync(store.Keys.Prefix + "email:help:subject:s1", "t0", TimeSpan.FromHours(1));
        await InterruptRollBackEveryWayAsync(store, LuaScripts.EmailRecord, mailbox.RecordCall("help", 7, 10,
            "in1@example.test", "t1", zed, "s1", TimeSpan.FromHours(2)));

        // A session ended (its hash comes back with its expiry) and an API token revoked (a set member put back).
        var sessions = new RedisSessionStore(store.Connection);
        var session = new AgentSession(SessionIds.New(), "ana", "Firefox on Linux", T0, T0);
        await sessions.CreateAsync(session, TimeSpan.FromHours(8));
        await InterruptRollBackEveryWayAsync(store, LuaScripts.SessionDelete, sessions.DeleteCall("ana", session.Id));
        var token = new ApiToken(Ids.New(), "CRM", ["inbound"], "hash", "ana", T0);
        await store.Tokens.CreateAsync(token);
        await InterruptRollBackEveryWayAsync(store, LuaScripts.TokenDelete, store.Tokens.DeleteCall(token.Id));
        Assert.Empty(await store.Tokens.ListAsync());
    }
}
