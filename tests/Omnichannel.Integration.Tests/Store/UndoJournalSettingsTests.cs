using Omnichannel.Core.Assignment;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Scheduling;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;
using static Omnichannel.Integration.Tests.Store.JournalInterruption;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>
/// The undo journal for changes to agents, queues and the channels' own records: presence and what it triggers,
/// a queue's settings and membership, an email's thread record with its cursor, a Telegram chat's route and one that refuses
/// the bot; each stopped after every one of its writes.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class UndoJournalSettingsTests(JournalStoreServers servers)
{
    private const string Queue = "support";

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_presence_change_stopped_after_any_of_its_writes_is_rolled_back(string backend)
    {
        await using var store = await OpenFilledAsync(backend);
        var ana = Ids.New();
        await store.Agents.TryCreateAsync(new Agent(ana, "ana@example.test", "Ana", AgentRole.Agent, 1, [Queue], "x",
            "s", T0));
        await store.Assignments.SetShiftWindowsAsync(ana, [new ShiftWindow(T0.AddHours(-1), T0.AddHours(8))], T0);
        for (var i = 0; i < 3; i++)
        {
            await store.Conversations.IngestAsync(Inbound.Message($"w{i}", $"w{i}", queue: Queue), T0);
        }

        async Task Presence(string operation, string value, int minutes) =>
            await InterruptEveryWayAsync(store, LuaScripts.Presence,
                store.Assignments.PresenceCall(ana, operation, value, "lead", T0.AddMinutes(minutes)));

        // Online: her capacity of one takes the oldest waiting conversation.
        await Presence("availability", "online", 1);
        await Presence("heartbeat", "", 1);
        // More capacity takes the rest; paused and resumed.
        await Presence("capacity", "3", 1);
        Assert.Equal(3, await store.Db.SortedSetLengthAsync(store.Keys.Prefix + "idx:agent:" + ana));
        await Presence("paused", "1", 2);
        await Presence("paused", "0", 2);
        // Her shift windows replaced: the old one ended, so she is off shift, and offline hands her work back.
        var windows = $"{T0.AddHours(-3).ToUnixTimeMilliseconds()}:{T0.AddMinutes(2).ToUnixTimeMilliseconds()},"
            + $"{T0.AddHours(9).ToUnixTimeMilliseconds()}:{T0.AddHours(17).ToUnixTimeMilliseconds()}";
        await Presence("shifts", windows, 3);
        await Presence("availability", "offline", 4);
        Assert.Equal(0, await store.Db.SortedSetLengthAsync(store.Keys.Prefix + "idx:agent:" + ana));
        await Presence("leave", "", 4);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_queue_save_stopped_after_any_of_its_writes_is_rolled_back(string backend)
    {
        await using var store = await OpenFilledAsync(backend);
        var agents = new[] { Ids.New(), Ids.New(), Ids.New() };
        foreach (var agent in agents)
        {
            await store.Agents.TryCreateAsync(new Agent(agent, agent + "@example.test", agent, AgentRole.Agent, 5,
                [Queue], "x", "s", T0));
            await store.Assignments.SetShiftWindowsAsync(agent, [new ShiftWindow(T0.AddHours(-1), T0.AddHours(8))],
                T0);
            await store.Assignments.SetAvailabilityAsync(agent, Availability.Online, agent, T0);
        }

        // A new queue with two members; then one member swapped for another. Updating the queue drains it.
        QueueSettings Sales(int minutes) => new("sales", "Sales", QueuePolicy.RoundRobin, HandoverPolicy.Keep, null,
            [], T0, T0.AddMinutes(minutes));
        await InterruptEveryWayAsync(store, LuaScripts.QueueSave,
            store.Queues.SaveCall(Sales(0), [agents[0], agents[1]], true, "lead", T0));
        // A conversation waits while the members are away (their presence gone without a handover).
        await store.Db.SortedSetRemoveAsync(store.Keys.Prefix + "presence", agents[0]);
        await store.Db.SortedSetRemoveAsync(store.Keys.Prefix + "presence", agents[1]);
        var zed = (await store.Conversations.IngestAsync(Inbound.Message("zed", "z1", queue: "sales"),
            T0)).ConversationId;
        await store.Db.SortedSetAddAsync(store.Keys.Prefix + "presence", agents[2],
            T0.AddHours(1).ToUnixTimeMilliseconds());
        var writes = await InterruptEveryWayAsync(store, LuaScripts.QueueSave,
            store.Queues.SaveCall(Sales(1), [agents[1], agents[2]], false, "lead", T0.AddMinutes(1)));
        Assert.True(writes > 8, $"a membership change with a drain took only {writes} writes");
        var members = (await store.Db.SetMembersAsync(store.Keys.Prefix + "queue:sales:members"))
            .Select(m => (string)m!).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { agents[1], agents[2] }.Order(StringComparer.Ordinal), members);
        Assert.Equal(agents[2], await store.Db.HashGetAsync(store.Keys.Conversation(zed), "assigneeId"));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_mail_record_or_telegram_chat_record_stopped_after_any_of_its_writes_is_rolled_back(
        string backend)
    {
        await using var store = await OpenFilledAsync(backend);
        var mailbox = new RedisMailboxState(store.Connection);
        var telegram = new RedisTelegramState(store.Connection);
        var zed = await store.Conversations.IngestAsync(Inbound.Message("zed", "z1"), T0);
        // A thread whose References list is full, and a subject key that expires.
        for (var i = 0; i < 50; i++)
        {
            await mailbox.RecordOutgoingAsync("help", "t1", $"out{i}@example.test");
        }

        await store.Db.StringSetAsync(store.Keys.Prefix + "email:help:subject:s1", "t0", TimeSpan.FromHours(1));
        await store.Db.HashSetAsync(store.Keys.Prefix + "email:help:cursor", [new("uidvalidity", 7), new("uid", 9)]);

        // The next mail of the thread: cursor, Message-ID, References (trimmed), conversation, subject.
        var writes = await InterruptEveryWayAsync(store, LuaScripts.EmailRecord, mailbox.RecordCall("help", 7, 10,
            "in1@example.test", "t1", zed.ConversationId, "s1", TimeSpan.FromHours(2)));
        Assert.Equal(6, writes);
        Assert.Equal("10", await store.Db.HashGetAsync(store.Keys.Prefix + "email:help:cursor", "uid"));
        Assert.True(await store.Db.KeyTimeToLiveAsync(store.Keys.Prefix + "email:help:subject:s1")
            > TimeSpan.FromHours(1));

        // A chat refuses the bot: the chat's mark and the contact's attribute.
        await InterruptEveryWayAsync(store, LuaScripts.TelegramUnreachable,
            telegram.MarkUnreachableCall("bot1", 42, zed.ContactId, "blocked", T0.AddMinutes(1)));
        Assert.Equal("blocked", await telegram.GetUnreachableAsync("bot1", 42));

        // The chat writes again: its reply route, the mark cleared, the contact's Telegram attributes.
        await InterruptEveryWayAsync(store, LuaScripts.TelegramInbound, telegram.RecordInboundCall(
            new TelegramInbound("bot1", zed.ConversationId, zed.ContactId, 42, "private", 7, null, "zed", "ad"),
            T0.AddMinutes(2)));
        Assert.Null(await telegram.GetUnreachableAsync("bot1", 42));
        Assert.Equal(42, (await telegram.GetRouteAsync(zed.ConversationId))!.ChatId);
    }

    private async Task<StoreUnderTest> OpenFilledAsync(string backend)
    {
        var options = servers.For(backend);
        options.EventLogCapacity = 20;
        var store = await OpenAsync(options, embedded: null, undoJournal: true);
        await store.Queues.SaveAsync(new QueueSettings(Queue, "Support", QueuePolicy.RoundRobin,
            HandoverPolicy.RequeueWhenOffline, 30, [], T0, T0), null, false, "lead", T0);
        for (var i = 0; i < 25; i++)
        {
            await store.Conversations.IngestAsync(Inbound.Message($"filler{i}", $"f{i}"), T0);
        }

        return store;
    }
}
