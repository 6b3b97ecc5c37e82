using System.Net.Http.Json;
using Omnichannel.Integration.Tests.Api;

namespace Omnichannel.Integration.Tests.Crash;

/// <summary>Reads the store as the admin sees it through the REST API: conversations and their messages.</summary>
internal sealed class StoreReader(HttpClient admin)
{
    public async Task<List<Conversation>> ConversationsAsync(string view = "all", HttpClient? client = null)
    {
        var all = new List<Conversation>();
        string? cursor = null;
        do
        {
            var page = await (client ?? admin).GetFromJsonAsync<PageBody<Conversation>>(
                $"/api/conversations?view={view}&limit=100" + (cursor is null ? "" : "&cursor=" + cursor));
            all.AddRange(page!.Items);
            cursor = Next(cursor, page.NextCursor);
        }
        while (cursor is not null);
        return all;
    }

    public async Task<long> ConversationCountAsync(string channel) =>
        (await ConversationsAsync()).Count(c => c.Channel == channel);

    public async Task<List<Message>> MessagesAsync(string conversationId)
    {
        var all = new List<Message>();
        string? cursor = null;
        do
        {
            var page = await admin.GetFromJsonAsync<PageBody<Message>>(
                $"/api/conversations/{conversationId}/messages?limit=100"
                + (cursor is null ? "" : "&before=" + Uri.EscapeDataString(cursor)));
            all.AddRange(page!.Items.Select(m => m with { ConversationId = conversationId }));
            cursor = Next(cursor, page.NextCursor);
        }
        while (cursor is not null);
        return all;
    }

    /// <summary>Replies in <paramref name="conversations"/> whose delivery is still <c>pending</c>.</summary>
    public async Task<long> PendingRepliesAsync(IEnumerable<string> conversations)
    {
        long pending = 0;
        foreach (var id in conversations)
        {
            pending += (await MessagesAsync(id))
                .Count(m => m is { Direction: "out", Private: false, Delivery: "pending" });
        }

        return pending;
    }

    // A page walk whose cursor does not move would never end (the messages list takes its cursor as `before`; sent
    // as `cursor`, it was ignored and the first page came back forever): fail instead.
    private static string? Next(string? current, string? next)
    {
        Assert.True(next is null || next != current, $"the cursor {next} did not advance");
        return next;
    }

    public sealed record Conversation(string Id, string Channel, string Status, string? AssigneeId, int MessageCount);

    public sealed record Message(
        string Id, string Direction, string Text, bool Private, string Delivery, string? DeliveryError)
    {
        public string ConversationId { get; init; } = "";
    }
}
