using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Integration.Tests.Infrastructure;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

[Collection(StoreCollection.Name)]
public sealed class PagingTests(StoreServers servers)
{
    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Paging_through_all_conversations_returns_each_once_newest_first_even_when_many_share_a_millisecond(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        // 45 at distinct times, 12 more in the newest millisecond (a tie wider than a page) and 6 more on the 21st
        // (seven in all, across the boundary between the fourth and fifth page): cursors land inside ties.
        var times = Enumerable.Range(0, 45).Select(i => T0.AddMilliseconds(i))
            .Concat(Enumerable.Repeat(T0.AddMilliseconds(100), 12))
            .Concat(Enumerable.Repeat(T0.AddMilliseconds(20), 6))
            .ToList();
        var ids = new List<string>();
        for (var i = 0; i < times.Count; i++)
        {
            ids.Add((await store.Conversations.IngestAsync(Inbound.Message($"sender-{i}", $"m{i}", thread: $"t{i}"), times[i])).ConversationId);
        }

        var pages = await ReadAllPagesAsync(store, new ConversationQuery(ConversationView.All, null, null, null, null, 10));

        Assert.Equal([10, 10, 10, 10, 10, 10, 3], pages.Select(p => p.Count));
        var listed = pages.SelectMany(p => p).ToList();
        Assert.Equal(ids.Count, listed.Select(c => c.Id).Distinct().Count());
        Assert.Equal(ExpectedOrder(listed), listed.Select(c => c.Id));
        Assert.Equal(ids.Order(StringComparer.Ordinal), listed.Select(c => c.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Paging_back_through_messages_returns_them_newest_first_without_repeats(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        string conversationId = "";
        for (var i = 1; i <= 25; i++)
        {
            conversationId = (await store.Conversations.IngestAsync(Inbound.Message("ana", $"m{i}", thread: "long"), T0.AddSeconds(i))).ConversationId;
        }

        var pages = new List<IReadOnlyList<Message>>();
        string? before = null;
        do
        {
            var page = await store.Conversations.ListMessagesAsync(conversationId, before, 10);
            pages.Add(page.Items);
            before = page.NextCursor;
        }
        while (before is not null);

        Assert.Equal([10, 10, 5], pages.Select(p => p.Count));
        Assert.Equal(Enumerable.Range(1, 25).Reverse().Select(i => (long)i), pages.SelectMany(p => p).Select(m => m.Sequence));
        Assert.Equal(Enumerable.Range(1, 25).Reverse().Select(i => $"m{i}"), pages.SelectMany(p => p).Select(m => m.ExternalId));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Mine_lists_only_the_conversations_assigned_to_that_agent(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add((await store.Conversations.IngestAsync(Inbound.Message($"c{i}", $"m{i}"), T0.AddSeconds(i))).ConversationId);
        }

        foreach (var (index, agent) in new[] { (0, "a1"), (2, "a1"), (5, "a1"), (3, "a2") })
        {
            await store.Conversations.AssignAsync(ids[index], agent, "manual", "lead-1", T0.AddMinutes(1));
        }

        Assert.Equal([ids[5], ids[2], ids[0]], await ListIdsAsync(store, Query(ConversationView.Mine, agentId: "a1", limit: 2)));
        Assert.Equal([ids[3]], await ListIdsAsync(store, Query(ConversationView.Mine, agentId: "a2")));
        Assert.Empty(await ListIdsAsync(store, Query(ConversationView.Mine, agentId: "a3")));
        Assert.Equal([ids[4], ids[1]], await ListIdsAsync(store, Query(ConversationView.Unassigned, queues: ["default"])));
        // Assigning does not touch the activity time, so the all-list keeps its order.
        Assert.Equal(Enumerable.Reverse(ids), await ListIdsAsync(store, Query(ConversationView.All)));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Unassigned_over_two_queues_merges_them_newest_first_across_pages(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var byQueue = new Dictionary<string, List<string>> { ["billing"] = [], ["sales"] = [], ["default"] = [] };
        var queues = new[] { "billing", "sales", "billing", "default", "sales", "sales", "billing", "default", "sales", "billing", "sales" };
        var all = new List<string>();
        for (var i = 0; i < queues.Length; i++)
        {
            var id = (await store.Conversations.IngestAsync(Inbound.Message($"c{i}", $"m{i}", queue: queues[i]), T0.AddSeconds(i))).ConversationId;
            byQueue[queues[i]].Add(id);
            all.Add(id);
        }

        var listed = await ListIdsAsync(store, Query(ConversationView.Unassigned, queues: ["billing", "sales"], limit: 3));

        Assert.Equal(Enumerable.Reverse(all).Where(id => !byQueue["default"].Contains(id)), listed);
        Assert.Equal(Enumerable.Reverse(byQueue["sales"]), await ListIdsAsync(store, Query(ConversationView.Unassigned, queues: ["sales", "sales"], limit: 2)));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_status_filter_narrows_every_view_to_that_status(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var ids = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add((await store.Conversations.IngestAsync(Inbound.Message($"c{i}", $"m{i}"), T0.AddSeconds(i))).ConversationId);
        }

        await store.Conversations.ChangeStatusAsync(ids[1], ConversationStatus.Resolved, null, "a1", T0.AddMinutes(1));
        await store.Conversations.ChangeStatusAsync(ids[6], ConversationStatus.Resolved, null, "a1", T0.AddMinutes(1));
        await store.Conversations.ChangeStatusAsync(ids[4], ConversationStatus.Pending, null, "a1", T0.AddMinutes(1));
        await store.Conversations.AssignAsync(ids[6], "a1", "manual", "lead-1", T0.AddMinutes(2));
        await store.Conversations.AssignAsync(ids[7], "a1", "manual", "lead-1", T0.AddMinutes(2));

        Assert.Equal([ids[6], ids[1]], await ListIdsAsync(store, Query(ConversationView.All, status: ConversationStatus.Resolved, limit: 1)));
        Assert.Equal([ids[4]], await ListIdsAsync(store, Query(ConversationView.All, status: ConversationStatus.Pending)));
        Assert.Equal([ids[7], ids[5], ids[3], ids[2], ids[0]], await ListIdsAsync(store, Query(ConversationView.All, status: ConversationStatus.Open, limit: 2)));
        Assert.Equal([ids[6]], await ListIdsAsync(store, Query(ConversationView.Mine, agentId: "a1", status: ConversationStatus.Resolved)));
        Assert.Equal([ids[7]], await ListIdsAsync(store, Query(ConversationView.Mine, agentId: "a1", status: ConversationStatus.Open)));
        Assert.Equal([ids[1]], await ListIdsAsync(store, Query(ConversationView.Unassigned, queues: ["default"], status: ConversationStatus.Resolved)));
        Assert.Empty(await ListIdsAsync(store, Query(ConversationView.All, status: ConversationStatus.Snoozed)));
    }

    private static ConversationQuery Query(ConversationView view, string? agentId = null, IReadOnlyList<string>? queues = null, ConversationStatus? status = null, int limit = 10) =>
        new(view, agentId, queues, status, null, limit);

    private static async Task<List<string>> ListIdsAsync(StoreUnderTest store, ConversationQuery query) =>
        [.. (await ReadAllPagesAsync(store, query)).SelectMany(p => p).Select(c => c.Id)];

    private static async Task<List<IReadOnlyList<Conversation>>> ReadAllPagesAsync(StoreUnderTest store, ConversationQuery query)
    {
        var pages = new List<IReadOnlyList<Conversation>>();
        string? cursor = null;
        do
        {
            var page = await store.Conversations.ListConversationsAsync(query with { Cursor = cursor });
            Assert.True(page.Items.Count <= query.Limit);
            pages.Add(page.Items);
            cursor = page.NextCursor;
            Assert.True(pages.Count <= 100, "The cursor does not advance.");
        }
        while (cursor is not null);

        return pages;
    }

    // The documented order: last activity, newest first, then id (descending, ordinal) among equal times.
    private static IEnumerable<string> ExpectedOrder(IEnumerable<Conversation> conversations) =>
        conversations.OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id, StringComparer.Ordinal).Select(c => c.Id);
}
