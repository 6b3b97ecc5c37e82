using Microsoft.Extensions.Logging.Abstractions;
using Omnichannel.Core.Assignment;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Scheduling;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;
using Omnichannel.Redis.Embedded;
using static Omnichannel.Integration.Tests.Store.JournalInterruption;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>
/// The undo journal (journal.lua, <see cref="JournalRecovery"/>): an ingest stopped after any number of its writes,
/// as a crash leaves it on Garnet, is reported by the checker and rolled back to exactly the store it found.
/// The script is stopped by a shim in front of it that raises an error before the (n+1)-th write: neither
/// redis-server nor Garnet undoes the writes of a script that failed, so the store holds its first n writes and
/// their undo records, which is what Garnet's replay of a script cut off by a kill leaves.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class UndoJournalTests(JournalStoreServers servers)
{
    private const string Queue = "support";

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task An_ingest_stopped_after_any_of_its_writes_is_rolled_back_to_the_store_it_found(string backend)
    {
        var options = servers.For(backend);
        options.EventLogCapacity = 100;
        await using var store = await OpenAsync(options, embedded: null, undoJournal: true);
        // Past the event log's cap, so that every ingest also trims the log (and its undo restores what it trimmed).
        for (var i = 0; i < 60; i++)
        {
            await store.Conversations.IngestAsync(Inbound.Message($"filler{i}", $"f{i}"), T0);
        }

        await store.Queues.SaveAsync(new QueueSettings(Queue, "Support", QueuePolicy.RoundRobin,
            HandoverPolicy.RequeueWhenOffline, 30, [], T0, T0), null, false, "lead", T0);
        var ana = Ids.New();
        await store.Agents.TryCreateAsync(new Agent(ana, "ana@example.test", "Ana", AgentRole.Agent, 5, [Queue], "x",
            "s", T0));
        await store.Assignments.SetShiftWindowsAsync(ana, [new ShiftWindow(T0.AddHours(-1), T0.AddHours(8))], T0);
        await store.Assignments.SetAvailabilityAsync(ana, Availability.Online, ana, T0);
        await store.Assignments.HeartbeatAsync(ana, T0.AddMinutes(1));

        // A new contact and conversation, assigned by the drain (audit entry, activity, timeout, rrAt).
        var writes = await InterruptEveryWayAsync(store, Inbound.Message("zed", "z1", queue: Queue), T0.AddMinutes(1));
        Assert.True(writes > 30, $"a new conversation took only {writes} writes");
        var zed = await store.Db.StringGetAsync(store.Keys.Prefix + "dedup:api:acme:z1");
        var conversation = ((string)zed!).Split('|')[0];
        Assert.Equal(ana, await store.Db.HashGetAsync(store.Keys.Conversation(conversation), "assigneeId"));

        // The next message of that thread.
        await InterruptEveryWayAsync(store, Inbound.Message("zed", "z2", queue: Queue), T0.AddMinutes(2));

        // Reopened while its agent is away: back to the queue (unassignment, its event and audit entry).
        await store.Conversations.ChangeStatusAsync(conversation, ConversationStatus.Resolved, null, ana,
            T0.AddMinutes(3));
        await store.Assignments.SetAvailabilityAsync(ana, Availability.Offline, ana, T0.AddMinutes(3));
        await InterruptEveryWayAsync(store, Inbound.Message("zed", "z3", queue: Queue), T0.AddMinutes(4));
        Assert.False(await store.Db.HashExistsAsync(store.Keys.Conversation(conversation), "assigneeId"));

        // A snoozed conversation woken by its customer.
        var yara = await store.Conversations.IngestAsync(Inbound.Message("yara", "y1"), T0.AddMinutes(5));
        await store.Conversations.ChangeStatusAsync(yara.ConversationId, ConversationStatus.Snoozed, T0.AddDays(1),
            ana, T0.AddMinutes(5));
        await InterruptEveryWayAsync(store, Inbound.Message("yara", "y2"), T0.AddMinutes(6));
        Assert.Equal("open", await store.Db.HashGetAsync(store.Keys.Conversation(yara.ConversationId), "status"));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_reply_or_note_stopped_after_any_of_its_writes_is_rolled_back_to_the_store_it_found(
        string backend)
    {
        var options = servers.For(backend);
        options.EventLogCapacity = 20;
        await using var store = await OpenAsync(options, embedded: null, undoJournal: true);
        await store.Queues.SaveAsync(new QueueSettings(Queue, "Support", QueuePolicy.RoundRobin,
            HandoverPolicy.RequeueWhenOffline, 30, [], T0, T0), null, false, "lead", T0);
        // Past the event log's cap, so that every reply also trims the log.
        for (var i = 0; i < 25; i++)
        {
            await store.Conversations.IngestAsync(Inbound.Message($"filler{i}", $"f{i}"), T0);
        }

        var zed = await store.Conversations.IngestAsync(Inbound.Message("zed", "z1", queue: Queue), T0.AddMinutes(1));
        var id = zed.ConversationId;
        var ana = Ids.New();
        await store.Conversations.AssignAsync(id, ana, "manual", "lead", T0.AddMinutes(1));
        Assert.True(await store.Db.HashExistsAsync(store.Keys.Conversation(id), "unansweredSince"));
        Assert.NotNull(await store.Db.SortedSetScoreAsync(store.Keys.Prefix + "timeouts", id));
        OutboundMessage Reply(string text, bool isPrivate) =>
            new(id, AuthorKind.Agent, ana, "Ana", text, isPrivate);

        // A private note: the message and its event only.
        await InterruptEveryWayAsync(store, LuaScripts.AppendOutbound,
            store.Conversations.AppendOutboundCall(Reply("internal", true), T0.AddMinutes(2)));
        // The first answer: unanswered and its timeout end, first response, the lists' scores, the outbox.
        var writes = await InterruptEveryWayAsync(store, LuaScripts.AppendOutbound,
            store.Conversations.AppendOutboundCall(Reply("Hi", false), T0.AddMinutes(3)));
        Assert.True(writes > 8, $"a first answer took only {writes} writes");
        Assert.False(await store.Db.HashExistsAsync(store.Keys.Conversation(id), "unansweredSince"));
        Assert.Null(await store.Db.SortedSetScoreAsync(store.Keys.Prefix + "timeouts", id));
        Assert.Equal(1, await store.Db.ListLengthAsync(store.Keys.Prefix + "outbox:api"));
        // A second answer behind the first in the outbox.
        await InterruptEveryWayAsync(store, LuaScripts.AppendOutbound,
            store.Conversations.AppendOutboundCall(Reply("More", false), T0.AddMinutes(4)));
        Assert.Equal(2, await store.Db.ListLengthAsync(store.Keys.Prefix + "outbox:api"));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_status_change_assignment_or_move_stopped_after_any_of_its_writes_is_rolled_back(
        string backend)
    {
        var options = servers.For(backend);
        options.EventLogCapacity = 20;
        await using var store = await OpenAsync(options, embedded: null, undoJournal: true);
        await store.Queues.SaveAsync(new QueueSettings(Queue, "Support", QueuePolicy.RoundRobin,
            HandoverPolicy.RequeueWhenOffline, 30, [], T0, T0), null, false, "lead", T0);
        // Past the event log's cap, so that every operation also trims the log.
        for (var i = 0; i < 25; i++)
        {
            await store.Conversations.IngestAsync(Inbound.Message($"filler{i}", $"f{i}"), T0);
        }

        var agents = new[] { Ids.New(), Ids.New() };
        foreach (var agent in agents)
        {
            await store.Agents.TryCreateAsync(new Agent(agent, agent + "@example.test", agent, AgentRole.Agent, 5,
                [Queue], "x", "s", T0));
        }

        var (ana, bob) = (agents[0], agents[1]);
        var id = (await store.Conversations.IngestAsync(Inbound.Message("zed", "z1", queue: Queue),
            T0.AddMinutes(1))).ConversationId;
        var conversations = store.Conversations;
        async Task<string?> Field(string field) =>
            await store.Db.HashGetAsync(store.Keys.Conversation(id), field);

        // Out of the queue to an agent: lists, waiting set, unanswered timeout, its event and audit entry.
        await InterruptEveryWayAsync(store, LuaScripts.Assign,
            conversations.AssignCall(id, ana, "manual", "lead", T0.AddMinutes(2), "take this"));
        Assert.Equal(ana, await Field("assigneeId"));

        // Snoozed, snoozed again later, woken, resolved, reopened.
        var step = 3;
        foreach (var (status, until) in new (ConversationStatus, DateTimeOffset?)[]
        {
            (ConversationStatus.Snoozed, T0.AddDays(1)), (ConversationStatus.Snoozed, T0.AddDays(2)),
            (ConversationStatus.Open, null), (ConversationStatus.Resolved, null), (ConversationStatus.Open, null),
        })
        {
            await InterruptEveryWayAsync(store, LuaScripts.ChangeStatus,
                conversations.ChangeStatusCall(id, status, until, ana, T0.AddMinutes(step++)));
            Assert.Equal(status.ToText(), await Field("status"));
        }

        // A lead's move to another agent, then back to the queue.
        await InterruptEveryWayAsync(store, LuaScripts.Move, store.Assignments.MoveCall(Queue,
            [new RebalanceMove(id, ana, bob)], "rebalance", "lead", false, null, T0.AddMinutes(step++)));
        Assert.Equal(bob, await Field("assigneeId"));
        await InterruptEveryWayAsync(store, LuaScripts.Assign,
            conversations.AssignCall(id, null, "manual", "lead", T0.AddMinutes(step)));
        Assert.Null(await Field("assigneeId"));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_handover_stopped_after_any_of_its_writes_is_rolled_back(string backend)
    {
        var options = servers.For(backend);
        options.EventLogCapacity = 20;
        await using var store = await OpenAsync(options, embedded: null, undoJournal: true);
        await store.Queues.SaveAsync(new QueueSettings(Queue, "Support", QueuePolicy.RoundRobin,
            HandoverPolicy.Requeue, 30, [], T0, T0), null, false, "lead", T0);
        var ana = Ids.New();
        await store.Agents.TryCreateAsync(new Agent(ana, "ana@example.test", "Ana", AgentRole.Agent, 5, [Queue], "x",
            "s", T0));
        await store.Assignments.SetShiftWindowsAsync(ana, [new ShiftWindow(T0.AddHours(-2), T0.AddHours(-1))], T0);
        var ids = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            var id = (await store.Conversations.IngestAsync(Inbound.Message($"c{i}", $"m{i}", queue: Queue),
                T0)).ConversationId;
            if (i < 2)
            {
                await store.Conversations.AssignAsync(id, ana, "manual", "lead", T0);
                ids.Add(id);
            }
        }

        // Her shift is over: both her conversations go back to the queue, with their events and audit entries.
        var writes = await InterruptEveryWayAsync(store, LuaScripts.Handover,
            store.Assignments.HandoverCall(Queue, null, T0.AddMinutes(1)));
        Assert.True(writes > 4, $"a handover of two conversations took only {writes} writes");
        foreach (var id in ids)
        {
            Assert.False(await store.Db.HashExistsAsync(store.Keys.Conversation(id), "assigneeId"));
        }
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Quarantining_and_discarding_stopped_after_any_of_their_writes_are_rolled_back(string backend)
    {
        await using var store = await OpenAsync(servers.For(backend), embedded: null, undoJournal: true);
        var quarantine = new RedisQuarantine(store.Connection);
        var item = new InboundItemRef("telegram", "support", "77");
        await quarantine.BeginAttemptAsync(item);
        await quarantine.RecordFailureAsync(item, "boom");
        await quarantine.AddAsync(new NewQuarantineEntry(new("email", "support", "1:2"), "too large", 0, null, null, 0), T0);

        var writes = await InterruptEveryWayAsync(store, LuaScripts.QuarantineAdd,
            quarantine.AddCall(new NewQuarantineEntry(item, "boom", 3, [0xff, 0x00], null, 2), T0.AddMinutes(1)));
        Assert.True(writes > 5, $"quarantining took only {writes} writes");
        var entry = Assert.Single((await quarantine.ListAsync(0, 10)).Items, e => e.Item == item);
        await InterruptEveryWayAsync(store, LuaScripts.QuarantineRemove,
            quarantine.RemoveCall(entry.Id, QuarantineRemoval.Discarded, "admin", T0.AddMinutes(2)));
        Assert.Null(await quarantine.GetAsync(entry.Id));
    }

    [Fact]
    public async Task The_embedded_store_rolls_back_an_unfinished_ingest_when_it_starts_and_check_reports_it_before()
    {
        var directory = TempDirectories.Create("oc-journal-");
        try
        {
            var options = new StoreOptions { Workspace = "journal" };
            Dictionary<string, string> before;
            string journal;
            using (var garnet = NewGarnet(directory))
            {
                await using var store = await OpenAsync(options, garnet);
                Assert.True(store.Connection.UndoJournal);
                await store.Conversations.IngestAsync(Inbound.Message("ana", "a1"), T0);
                before = await DumpAsync(store);
                var call = store.Conversations.IngestCall(Inbound.Message("ana", "a2"), T0.AddMinutes(1));
                journal = call.Journal!;
                Assert.False(await RunStoppedAsync(store.Db, LuaScripts.Ingest, call, 7));
                Assert.Contains(await CheckAsync(store), f => f.Kind == "journal-pending");
                garnet.Stop();
            }

            using var restarted = NewGarnet(directory);
            await using var reopened = await OpenAsync(options, restarted);
            Assert.False(await reopened.Db.KeyExistsAsync(journal));
            AssertSame(before, await DumpAsync(reopened), "after the restart");
            Assert.Empty(await CheckAsync(reopened));
        }
        finally
        {
            TempDirectories.Delete(directory);
        }
    }

    [Fact]
    public async Task Redis_keeps_no_journal_unless_asked()
    {
        await using var store = await OpenAsync(servers, StoreServers.Redis);
        Assert.False(store.Connection.UndoJournal);
        var call = store.Conversations.IngestCall(Inbound.Message("ana", "a1"), T0);
        Assert.Null(call.Journal);
        Assert.Single(call.Keys);
        var reply = store.Conversations.AppendOutboundCall(
            new OutboundMessage("c1", AuthorKind.Agent, "ana", null, "Hi", false), T0);
        Assert.Null(reply.Journal);
        Assert.Single(reply.Keys);
        Assert.Null(store.Conversations.ChangeStatusCall("c1", ConversationStatus.Resolved, null, "ana", T0).Journal);
        Assert.Null(store.Conversations.AssignCall("c1", "ana", "manual", "lead", T0).Journal);
        Assert.Null(store.Assignments.MoveCall("q", [new RebalanceMove("c1", "ana", "")], "r", "lead", false, null,
            T0).Journal);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_contact_merge_stopped_after_any_of_its_writes_is_rolled_back(string backend)
    {
        var options = servers.For(backend);
        await using var store = await OpenAsync(options, embedded: null, undoJournal: true);
        var email = new ContactIdentity(IdentityKinds.Email, "ana@example.com");
        var ana = await store.Conversations.IngestAsync(Inbound.Message("ana", "a1") with { OtherIdentities = [email] },
            T0);
        var chat = await store.Conversations.IngestAsync(Inbound.Message("ana-chat", "c1") with
        {
            Channel = ChannelNames.WebChat,
            ClaimedIdentities = [email, new(IdentityKinds.Email, "ana.home@example.com")],
        }, T0.AddMinutes(1));
        await store.Conversations.IngestAsync(Inbound.Message("ana-chat", "c2", thread: "second"), T0.AddMinutes(2));

        var writes = await InterruptEveryWayAsync(store, LuaScripts.ContactMerge,
            store.Conversations.MergeContactsCall(ana.ContactId, chat.ContactId, "lead", T0.AddMinutes(3)));

        Assert.True(writes > 10, $"a merge of two conversations and three identities took only {writes} writes");
        Assert.Equal(ana.ContactId, (await store.Conversations.GetContactAsync(chat.ContactId))!.MergedInto);
    }

    private static EmbeddedGarnet NewGarnet(string directory)
    {
        var garnet = new EmbeddedGarnet(new EmbeddedStoreOptions { MemoryLimit = "256m" }, directory,
            NullLoggerFactory.Instance);
        garnet.EnsureStarted();
        return garnet;
    }
}
