using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;

namespace Omnichannel.Integration.Tests.Telegram;

/// <summary>Agents' replies go out through the Bot API: text, photos and documents as uploads, 429 and 403 handled.</summary>
[Collection(StoreCollection.Name)]
public sealed class TelegramReplyTests(StoreServers servers)
{
    private static async Task<(Conversation Conversation, HttpClient Agent)> CustomerWritesAsync(TelegramHarness t, long userId, string text = "hello?")
    {
        t.Api.Enqueue(Updates.Text(Updates.User(userId, "Kim"), text));
        var conversation = await t.SingleConversationAsync();
        return (conversation, await t.App.SignInAsAdminAsync());
    }

    private static async Task<string> ReplyAsync(HttpClient agent, string conversationId, string text)
    {
        var response = await agent.PostAsJsonAsync($"/api/conversations/{conversationId}/messages", new { text });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<MessageBody>())!.Id;
    }

    private static Task<Message> DeliveryAsync(TelegramHarness t, string messageId, DeliveryState state, TimeSpan? advanceClock = null) =>
        t.EventuallyAsync(async () => await t.Store.GetMessageAsync(messageId) is { } m && m.Delivery == state ? m : null, $"reply {messageId} to be {state}", advanceClock: advanceClock);

    [Fact]
    public async Task A_text_reply_reaches_the_customers_chat_and_is_marked_sent()
    {
        await using var t = await TelegramHarness.StartAsync(servers);
        var (conversation, agent) = await CustomerWritesAsync(t, 1111);

        var replyId = await ReplyAsync(agent, conversation.Id, "Hi Kim, how can we help?");

        await DeliveryAsync(t, replyId, DeliveryState.Sent);
        var sent = Assert.Single(t.Api.Sent);
        Assert.Equal(("sendMessage", 1111L, "Hi Kim, how can we help?"), (sent.Method, sent.ChatId, sent.Text));
        Assert.Null(sent.ReplyToMessageId); // a private chat needs no quote
        Assert.Equal(sent.MessageId, Assert.Single(await t.State.GetSentPartsAsync(replyId)).Value);
    }

    [Fact]
    public async Task A_long_reply_is_split_at_4096_characters_on_word_boundaries()
    {
        await using var t = await TelegramHarness.StartAsync(servers);
        var (conversation, agent) = await CustomerWritesAsync(t, 1212);
        var text = string.Join(' ', Enumerable.Repeat("word", 1500)); // 7,499 characters

        var replyId = await ReplyAsync(agent, conversation.Id, text);

        await DeliveryAsync(t, replyId, DeliveryState.Sent);
        var parts = t.Api.Sent.Select(s => s.Text!).ToList();
        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.True(p.Length <= 4096));
        Assert.Equal(text, string.Join(' ', parts));
    }

    [Fact]
    public async Task A_reply_in_a_group_quotes_the_latest_customer_message()
    {
        await using var t = await TelegramHarness.StartAsync(servers);
        var group = Updates.Group(-1009876543210, "Beta testers");
        t.Api.Enqueue(Updates.Text(Updates.User(1301, "Lee"), "@acme_support_bot login fails", group));
        var second = Updates.Text(Updates.User(1302, "Max"), "@acme_support_bot for me too", group);
        t.Api.Enqueue(second);
        var conversation = await t.SingleConversationAsync(messages: 2);
        var agent = await t.App.SignInAsAdminAsync();

        var replyId = await ReplyAsync(agent, conversation.Id, "We are on it.");

        await DeliveryAsync(t, replyId, DeliveryState.Sent);
        var sent = Assert.Single(t.Api.Sent);
        Assert.Equal(-1009876543210, sent.ChatId);
        Assert.Equal((int)second["message"]!["message_id"]!, sent.ReplyToMessageId);
    }

    [Fact]
    public async Task Photos_and_documents_are_uploaded_as_files_with_the_text_as_caption()
    {
        await using var t = await TelegramHarness.StartAsync(servers);
        var (conversation, agent) = await CustomerWritesAsync(t, 1414);
        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 0xFF, 0xD9 };
        var pdf = "%PDF-1.7 label"u8.ToArray();
        var photo = await StoreAsync(t, jpeg, "label.jpg", "image/jpeg");
        var document = await StoreAsync(t, pdf, "return-label.pdf", "application/pdf");

        var withPhoto = await t.Store.AppendOutboundAsync(
            new OutboundMessage(conversation.Id, AuthorKind.Agent, "agent-1", "Agent", "Here is your label", false) { Attachments = [photo] }, t.App.Time.GetUtcNow());
        var withBoth = await t.Store.AppendOutboundAsync(
            new OutboundMessage(conversation.Id, AuthorKind.Agent, "agent-1", "Agent", "Both files, as promised.", false) { Attachments = [photo, document] }, t.App.Time.GetUtcNow());

        // Stored straight into the store, so no wake-up: the sender finds them at its next poll of the queue.
        await DeliveryAsync(t, withPhoto!.MessageId, DeliveryState.Sent, advanceClock: TimeSpan.FromSeconds(1));
        await DeliveryAsync(t, withBoth!.MessageId, DeliveryState.Sent, advanceClock: TimeSpan.FromSeconds(1));
        var sent = t.Api.Sent.ToList();
        Assert.Equal(["sendPhoto", "sendMessage", "sendPhoto", "sendDocument"], sent.Select(s => s.Method));
        Assert.Equal(("Here is your label", "label.jpg"), (sent[0].Text, sent[0].FileName));
        Assert.Equal(jpeg, sent[0].Bytes);
        Assert.Equal("Both files, as promised.", sent[1].Text);
        Assert.Null(sent[2].Text);
        Assert.Equal("return-label.pdf", sent[3].FileName);
        Assert.Equal(pdf, sent[3].Bytes);
        Assert.All(sent, s => Assert.Equal(1414, s.ChatId));
        Assert.Equal(3, (await t.State.GetSentPartsAsync(withBoth.MessageId)).Count);
    }

    [Fact]
    public async Task A_reply_whose_chat_route_is_not_recorded_yet_waits_for_it_and_is_sent_once()
    {
        await using var t = await TelegramHarness.StartAsync(servers);
        var (conversation, agent) = await CustomerWritesAsync(t, 1616);
        // As a crash between storing the message and recording its chat leaves it.
        var connection = t.App.Services.GetRequiredService<RedisConnection>();
        var db = await connection.DatabaseAsync();
        Assert.True(await db.KeyDeleteAsync(connection.Keys.Prefix + "telegram:conv:" + conversation.Id));

        var replyId = await ReplyAsync(agent, conversation.Id, "We are on it.");
        var retries = connection.Keys.Prefix + "outbox:telegram:retry";
        await t.EventuallyAsync(async () => (await db.SortedSetScoreAsync(retries, replyId)).HasValue ? "" : null,
            "a retry of the reply");
        Assert.Empty(t.Api.Sent);
        Assert.Equal(DeliveryState.Pending, (await t.Store.GetMessageAsync(replyId))!.Delivery);

        // The update comes again (it was never acknowledged) and the ingestor records the chat.
        await t.State.RecordInboundAsync(new TelegramInbound(TelegramHarness.Bot, conversation.Id, conversation.ContactId, 1616,
            "private", 1, null, null, null), t.App.Time.GetUtcNow());
        await DeliveryAsync(t, replyId, DeliveryState.Sent, advanceClock: TimeSpan.FromSeconds(2));
        var sent = Assert.Single(t.Api.Sent);
        Assert.Equal((1616L, "We are on it."), (sent.ChatId, sent.Text));
    }

    [Fact]
    public async Task A_reply_whose_chat_route_never_comes_fails_after_the_wait_saying_why()
    {
        await using var t = await TelegramHarness.StartAsync(servers);
        var (conversation, agent) = await CustomerWritesAsync(t, 1717);
        var connection = t.App.Services.GetRequiredService<RedisConnection>();
        var db = await connection.DatabaseAsync();
        Assert.True(await db.KeyDeleteAsync(connection.Keys.Prefix + "telegram:conv:" + conversation.Id));

        var replyId = await ReplyAsync(agent, conversation.Id, "Hello?");
        var failed = await DeliveryAsync(t, replyId, DeliveryState.Failed, advanceClock: TimeSpan.FromSeconds(30));
        Assert.StartsWith("The conversation has no Telegram chat to reply to", failed.DeliveryError);
        Assert.True(t.App.Time.GetUtcNow() - failed.CreatedAt >= TimeSpan.FromMinutes(5));
        Assert.Empty(t.Api.Sent);
    }

    [Fact]
    public async Task A_429_is_retried_no_sooner_than_retry_after_and_the_reply_is_sent_once()
    {
        await using var t = await TelegramHarness.StartAsync(servers);
        var (conversation, agent) = await CustomerWritesAsync(t, 1515);
        t.Api.FailNext("sendMessage", 429, "Too Many Requests: retry after 30", retryAfter: 30);

        var replyId = await ReplyAsync(agent, conversation.Id, "Sorry for the wait.");
        await t.EventuallyAsync(() => Task.FromResult(t.Api.Calls.Any(c => c.Method == "sendMessage") ? "" : null), "the first attempt");

        // 20 s on the server's clock: still waiting, nothing sent, still pending.
        for (var i = 0; i < 10; i++)
        {
            t.App.Time.Advance(TimeSpan.FromSeconds(2));
            await Task.Delay(30);
        }

        Assert.Empty(t.Api.Sent);
        Assert.Equal(DeliveryState.Pending, (await t.Store.GetMessageAsync(replyId))!.Delivery);

        await DeliveryAsync(t, replyId, DeliveryState.Sent, advanceClock: TimeSpan.FromSeconds(2));
        Assert.Single(t.Api.Sent);
        Assert.Equal(2, t.Api.Calls.Count(c => c.Method == "sendMessage"));
    }

    [Fact]
    public async Task A_403_blocked_by_the_user_fails_the_reply_and_marks_the_contact_unreachable_until_they_write_again()
    {
        await using var t = await TelegramHarness.StartAsync(servers);
        var (conversation, agent) = await CustomerWritesAsync(t, 1616);
        t.Api.FailNext("sendMessage", 403, "Forbidden: bot was blocked by the user");

        var replyId = await ReplyAsync(agent, conversation.Id, "Are you still there?");

        var failed = await DeliveryAsync(t, replyId, DeliveryState.Failed);
        Assert.Equal("Forbidden: bot was blocked by the user", failed.DeliveryError);
        Assert.Single(t.Api.Calls, c => c.Method == "sendMessage"); // not retried
        Assert.Equal("Forbidden: bot was blocked by the user", await t.State.GetUnreachableAsync(TelegramHarness.Bot, 1616));
        var contact = await t.Store.GetContactAsync(conversation.ContactId);
        Assert.Equal("Forbidden: bot was blocked by the user", contact!.Attributes["telegramUnreachable"]);

        // They unblock the bot and write: reachable again.
        t.Api.Enqueue(Updates.Text(Updates.User(1616, "Kim"), "sorry, blocked you by mistake"));
        await t.SingleConversationAsync(messages: 3);
        await t.EventuallyAsync(async () => await t.State.GetUnreachableAsync(TelegramHarness.Bot, 1616) is null ? "" : null, "the mark to clear");
        Assert.False((await t.Store.GetContactAsync(conversation.ContactId))!.Attributes.ContainsKey("telegramUnreachable"));
    }

    private static async Task<AttachmentInfo> StoreAsync(TelegramHarness t, byte[] bytes, string name, string contentType)
    {
        using var content = new MemoryStream(bytes);
        var blob = await t.Blobs.PutAsync(content, 1_000_000);
        return new AttachmentInfo(Ids.New(), name, contentType, blob.Size, blob.Key);
    }
}
