using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis.Checking;
using StackExchange.Redis;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

[Collection(StoreCollection.Name)]
public sealed class StoreCheckTests(StoreServers servers)
{
    private const int Seeds = 40;

    // The conversation and message fields every script writes and every reader relies on, plus the ones whose
    // absence changes which lists a conversation belongs to.
    private static readonly string[] ConversationFields =
    [
        "id", "channel", "account", "contactId", "status", "queue", "tier", "createdAt", "lastActivityAt",
        "lastInboundAt", "threadKey", "msgSeq", "messageCount", "assigneeId", "snoozedUntil",
    ];

    private static readonly string[] MessageFields =
        ["id", "conversationId", "seq", "direction", "authorKind", "createdAt", "delivery", "externalId"];

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_store_written_only_through_the_store_API_has_no_findings(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        await CheckedStore.FillAsync(store);

        var report = await CheckAsync(store);

        Assert.Empty(report.Findings);
        Assert.Equal((6, 13), (report.Conversations, report.Messages));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Deleting_any_record_bearing_key_field_or_entry_is_found(string backend)
    {
        for (var seed = 1; seed <= Seeds; seed++)
        {
            await using var store = await OpenAsync(servers, backend);
            await CheckedStore.FillAsync(store);
            var random = new Random(seed);

            var deleted = await DeleteSomethingAsync(store, random);

            var report = await CheckAsync(store);
            Assert.True(report.Findings.Count > 0, $"seed {seed}: deleting {deleted} went unnoticed");
        }
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_message_without_its_dedup_key_is_found(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var filled = await CheckedStore.FillAsync(store);

        await store.Db.KeyDeleteAsync(store.Keys.Prefix + "dedup:api:acme:m1");

        var finding = Assert.Single((await CheckAsync(store)).Findings);
        Assert.Equal(("dedup-missing", "msg:" + filled.AnaFirstMessage), (finding.Kind, finding.Key));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task An_outbox_entry_without_its_message_is_found(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        await CheckedStore.FillAsync(store);

        await store.Db.ListRightPushAsync(store.Keys.Prefix + "outbox:email", "no-such-message");

        var finding = Assert.Single((await CheckAsync(store)).Findings);
        Assert.Equal(("outbox-orphan", "outbox:email"), (finding.Kind, finding.Key));
        Assert.Contains("no-such-message", finding.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_conversation_in_two_agents_lists_is_found(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var filled = await CheckedStore.FillAsync(store);
        var score = await store.Db.SortedSetScoreAsync(store.Keys.IndexAgent("agent-ana", null), filled.Ana);

        await store.Db.SortedSetAddAsync(store.Keys.IndexAgent("agent-bob", null), filled.Ana, score!.Value);

        var findings = (await CheckAsync(store)).Findings;
        Assert.Equal(
            [("agent-list-mismatch", "idx:agent:agent-bob"), ("assigned-twice", "conv:" + filled.Ana)],
            findings.Select(f => (f.Kind, f.Key)));
        Assert.Contains("agent-ana, agent-bob", findings[1].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_message_count_off_by_one_is_found(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var filled = await CheckedStore.FillAsync(store);

        await store.Db.HashIncrementAsync(store.Keys.Conversation(filled.Ana), "messageCount", 1);

        var finding = Assert.Single((await CheckAsync(store)).Findings);
        Assert.Equal(("message-count", "conv:" + filled.Ana), (finding.Kind, finding.Key));
        Assert.Equal("messageCount is 4, 3 messages are listed", finding.Detail);
    }

    private static Task<StoreCheckReport> CheckAsync(StoreUnderTest store) =>
        new StoreChecker(store.Keys).CheckAsync(store.Db);

    // One random deletion among the keys, hash fields and list entries the checker guards; describes what it did.
    private static async Task<string> DeleteSomethingAsync(StoreUnderTest store, Random random)
    {
        var (chosen, key) = await GuardedKeys.PickAsync(store, random, IsGuarded);
        var type = await store.Db.KeyTypeAsync(key);
        switch (random.Next(2), type)
        {
            case (0, RedisType.Hash):
                var guarded = chosen.StartsWith("conv:", StringComparison.Ordinal) ? ConversationFields : MessageFields;
                var fields = (await store.Db.HashKeysAsync(key)).Select(f => (string)f!)
                    .Where(guarded.Contains)
                    .Order(StringComparer.Ordinal).ToList();
                if (fields.Count > 0 && !chosen.StartsWith("contact:", StringComparison.Ordinal))
                {
                    var field = fields[random.Next(fields.Count)];
                    await store.Db.HashDeleteAsync(key, field);
                    return $"field {field} of {chosen}";
                }

                break;
            case (0, RedisType.SortedSet) when chosen != "events":
                var members = (await store.Db.SortedSetRangeByRankAsync(key)).Select(m => (string)m!).ToList();
                var member = members[random.Next(members.Count)];
                await store.Db.SortedSetRemoveAsync(key, member);
                return $"{member} from {chosen}";
            case (0, RedisType.List):
                var items = (await store.Db.ListRangeAsync(key)).Select(m => (string)m!).ToList();
                var item = items[random.Next(items.Count)];
                await store.Db.ListRemoveAsync(key, item);
                return $"{item} from {chosen}";
        }

        await store.Db.KeyDeleteAsync(key);
        return "key " + chosen;
    }

    // The keys a store written by the scripts holds that bear records or their links. Not: the audit trail and
    // activity timelines (history, capped), the identity index (first owner keeps it), timeouts (none in this data).
    private static bool IsGuarded(string name) => name.Split(':') switch
    {
        ["conv", _] or ["conv", _, "messages"] or ["msg", _] => true,
        ["contact", _] or ["contact", _, "conversations"] => true,
        ["dedup", ..] or ["thread", ..] or ["idx", ..] or ["queue", _, "waiting"] or ["outbox", ..] => true,
        ["snoozed"] or ["events"] or ["events", "seq"] => true,
        _ => false,
    };
}
