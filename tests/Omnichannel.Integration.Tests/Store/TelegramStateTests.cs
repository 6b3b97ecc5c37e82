using Omnichannel.Core.Ports;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>The Telegram channel's state scripts on both backends: lease, cursor, routes, contact attributes (cjson).</summary>
[Collection(StoreCollection.Name)]
public sealed class TelegramStateTests(StoreServers servers)
{
    [Theory, MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task One_node_holds_a_bots_poller_lease_until_it_lets_go(string backend)
    {
        await using var store = await StoreUnderTest.OpenAsync(servers, backend);
        var state = new RedisTelegramState(store.Connection);

        Assert.True(await state.TryHoldPollerLeaseAsync("support", "node-a", TimeSpan.FromSeconds(30)));
        Assert.False(await state.TryHoldPollerLeaseAsync("support", "node-b", TimeSpan.FromSeconds(30)));
        Assert.True(await state.TryHoldPollerLeaseAsync("support", "node-a", TimeSpan.FromSeconds(30)));
        Assert.True(await state.TryHoldPollerLeaseAsync("sales", "node-b", TimeSpan.FromSeconds(30)));

        await state.ReleasePollerLeaseAsync("support", "node-b"); // not the holder: no effect
        Assert.False(await state.TryHoldPollerLeaseAsync("support", "node-b", TimeSpan.FromSeconds(30)));
        await state.ReleasePollerLeaseAsync("support", "node-a");
        Assert.True(await state.TryHoldPollerLeaseAsync("support", "node-b", TimeSpan.FromSeconds(30)));
    }

    [Theory, MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task The_offset_only_moves_forward(string backend)
    {
        await using var store = await StoreUnderTest.OpenAsync(servers, backend);
        var state = new RedisTelegramState(store.Connection);

        Assert.Equal(0, await state.GetOffsetAsync("support"));
        await state.AdvanceOffsetAsync("support", 501);
        await state.AdvanceOffsetAsync("support", 400); // a slow node finishing an old batch
        Assert.Equal(501, await state.GetOffsetAsync("support"));
    }

    [Theory, MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Inbound_messages_keep_the_route_and_the_contacts_telegram_attributes(string backend)
    {
        await using var store = await StoreUnderTest.OpenAsync(servers, backend);
        var state = new RedisTelegramState(store.Connection);
        var ingested = await store.Conversations.IngestAsync(Inbound.Message("telegram-77", "77:1"), StoreUnderTest.T0);
        var now = StoreUnderTest.T0;

        await state.RecordInboundAsync(new TelegramInbound("support", ingested.ConversationId, ingested.ContactId, 77, "private", 10, null, "kim", "promo"), now);
        await state.RecordInboundAsync(new TelegramInbound("support", ingested.ConversationId, ingested.ContactId, 77, "private", 9, null, "kim", "later"), now);
        await state.MarkUnreachableAsync("support", 77, ingested.ContactId, "Forbidden: bot was blocked by the user", now);

        Assert.Equal(new TelegramChatRoute("support", 77, "private", 10, null), await state.GetRouteAsync(ingested.ConversationId));
        var contact = await store.Conversations.GetContactAsync(ingested.ContactId);
        Assert.Equal("kim", contact!.Attributes["telegramUsername"]);
        Assert.Equal("promo", contact.Attributes["telegramSource"]); // the first source stays
        Assert.Equal("Forbidden: bot was blocked by the user", contact.Attributes["telegramUnreachable"]);
        Assert.NotNull(await state.GetUnreachableAsync("support", 77));

        await state.RecordInboundAsync(new TelegramInbound("support", ingested.ConversationId, ingested.ContactId, 77, "private", 11, 5, null, null), now);
        contact = await store.Conversations.GetContactAsync(ingested.ContactId);
        Assert.Null(await state.GetUnreachableAsync("support", 77));
        Assert.Equal(["telegramSource"], contact!.Attributes.Keys);
        Assert.Equal(5, (await state.GetRouteAsync(ingested.ConversationId))!.MessageThreadId);
    }
}
