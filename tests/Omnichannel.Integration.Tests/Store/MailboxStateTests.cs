using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>The email channel's state and the automated ingest, on both backends.</summary>
[Collection(StoreCollection.Name)]
public sealed class MailboxStateTests(StoreServers servers)
{
    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task The_cursor_only_moves_forward_and_threads_are_found_by_message_id_conversation_or_subject(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var state = new RedisMailboxState(store.Connection);
        await state.SetCursorAsync("support", new MailboxCursor(7, 0));

        await state.RecordIngestedAsync("support", new IngestedMail(7, 5, "a@x", "a@x", "conv1", "subj1", TimeSpan.FromDays(1)));
        await state.SkipAsync("support", 7, 3);
        await state.RecordOutgoingAsync("support", "a@x", "oc.1.2@x");

        Assert.Equal(new MailboxCursor(7, 5), await state.GetCursorAsync("support"));
        Assert.Equal("a@x", await state.FindThreadAsync("support", ["unknown@x", "oc.1.2@x"], null, null));
        var db = await store.Connection.DatabaseAsync();
        await db.HashSetAsync(store.Connection.Keys.Message("reply1"), [new("conversationId", "conv1"), new("direction", "out")]);
        await db.HashSetAsync(store.Connection.Keys.Message("note2"), [new("conversationId", "conv2"), new("direction", "out")]);
        Assert.Equal("a@x", await state.FindThreadAsync("support", ["unknown@x"], new("conv1", "reply1"), null));
        // A made-up token: someone else's conversation with a reply that is not one of its own.
        Assert.Null(await state.FindThreadAsync("support", ["unknown@x"], new("conv1", "note2"), null));
        Assert.Null(await state.FindThreadAsync("support", ["unknown@x"], new("conv1", "missing"), null));
        Assert.Equal("a@x", await state.FindThreadAsync("support", [], null, "subj1"));
        Assert.Null(await state.FindThreadAsync("support", ["unknown@x"], new("conv2", "note2"), "subj2"));
        Assert.Equal(["a@x", "oc.1.2@x"], await state.GetThreadMessageIdsAsync("support", "a@x"));
        Assert.Equal("a@x", await state.GetConversationThreadAsync("support", "conv1"));
        Assert.Null(await state.GetCursorAsync("other"));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task One_node_holds_a_mailbox_lease_until_it_lets_go(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var state = new RedisMailboxState(store.Connection);

        Assert.True(await state.HoldLeaseAsync("support", "node-a", TimeSpan.FromSeconds(30)));
        Assert.False(await state.HoldLeaseAsync("support", "node-b", TimeSpan.FromSeconds(30)));
        Assert.True(await state.HoldLeaseAsync("support", "node-a", TimeSpan.FromSeconds(30)));
        await state.ReleaseLeaseAsync("support", "node-b");
        Assert.False(await state.HoldLeaseAsync("support", "node-b", TimeSpan.FromSeconds(30)));
        await state.ReleaseLeaseAsync("support", "node-a");
        Assert.True(await state.HoldLeaseAsync("support", "node-b", TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task An_automated_message_is_recorded_without_reopening_and_starts_a_new_conversation_resolved(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var first = await store.Conversations.IngestAsync(Inbound.Message("ana", "m1", thread: "t1"), T0);
        await store.Conversations.ChangeStatusAsync(first.ConversationId, ConversationStatus.Resolved, null, null, T0.AddMinutes(1));

        var autoReply = await store.Conversations.IngestAsync(Inbound.Message("ana", "m2", thread: "t1") with { Automated = true }, T0.AddMinutes(2));
        var bulk = await store.Conversations.IngestAsync(Inbound.Message("news", "m3", thread: "t2") with { Automated = true }, T0.AddMinutes(3));

        Assert.Equal((first.ConversationId, false, false), (autoReply.ConversationId, autoReply.Reopened, autoReply.Duplicate));
        var same = await store.Conversations.GetConversationAsync(first.ConversationId);
        Assert.Equal((ConversationStatus.Resolved, 2), (same!.Status, same.MessageCount));
        Assert.True(bulk.ConversationCreated);
        Assert.Equal(ConversationStatus.Resolved, (await store.Conversations.GetConversationAsync(bulk.ConversationId))!.Status);
        Assert.Equal(0, await store.Db.SortedSetLengthAsync(store.Keys.IndexUnassignedAll(ConversationStatus.Open.ToText())));
    }
}
