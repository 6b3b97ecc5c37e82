using Omnichannel.Channels.Telegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Omnichannel.Integration.Tests.Telegram;

/// <summary>
/// getUpdates read as raw JSON against the Bot API emulator: each element on its own, and the Bot API's errors thrown as
/// Telegram.Bot throws them, so the poller's 429/401/404/409 handling holds.
/// </summary>
public sealed class TelegramRawUpdatesTests : IAsyncLifetime
{
    private static readonly UpdateType[] Allowed = TelegramPoller.AllowedUpdates;

    private readonly HttpClient _http = new();
    private BotApiEmulator _api = null!;

    public async Task InitializeAsync() => _api = await BotApiEmulator.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _api.DisposeAsync();
    }

    private TelegramRawUpdates Feed(string token = BotApiEmulator.Token) =>
        new(_http, new TelegramBotClientOptions(token, _api.BaseUrl).BaseRequestUrl);

    [Fact]
    public async Task Each_element_comes_with_its_own_bytes_and_its_id_when_readable()
    {
        var good = _api.Enqueue(Updates.Text(Updates.User(1, "Ida"), "hi"));
        var poison = _api.EnqueueRaw(id => "{\"update_id\":" + id + ",\"message\":{\"message_id\":[]}}");
        _api.EnqueueRaw(_ => "[1,2]");

        var batch = await Feed().GetAsync(0, 100, 0, Allowed, CancellationToken.None);

        Assert.Equal([good, poison, null], batch.Select(u => u.Id));
        Assert.Equal("hi", batch[0].Parse().Message!.Text);
        var unreadable = Assert.Throws<Omnichannel.Core.Inbound.InboundItemUnreadableException>(() => batch[1].Parse());
        Assert.StartsWith("Not a Telegram update", unreadable.Message, StringComparison.Ordinal);
        Assert.Equal("[1,2]", System.Text.Encoding.UTF8.GetString(batch[2].Json));
        Assert.Matches("^raw:[0-9a-f]{32}$", batch[2].ItemId);
        Assert.Equal($"{poison}", batch[1].ItemId);
        Assert.Equal("[\"message\",\"edited_message\"]", _api.Calls.Single(c => c.Method == "getUpdates").Parameters["allowed_updates"]);
    }

    [Fact]
    public async Task An_offset_confirms_the_updates_before_it()
    {
        _api.Enqueue(Updates.Text(Updates.User(1, "Ida"), "one"));
        var second = _api.Enqueue(Updates.Text(Updates.User(1, "Ida"), "two"));

        var batch = await Feed().GetAsync(second, 100, 0, Allowed, CancellationToken.None);

        Assert.Equal(second, Assert.Single(batch).Id);
        Assert.Equal(1, _api.PendingCount);
    }

    [Fact]
    public async Task Bot_API_errors_are_thrown_as_the_library_throws_them()
    {
        _api.FailNext("getUpdates", 429, "Too Many Requests: retry after 30", retryAfter: 30);
        var tooMany = await Assert.ThrowsAsync<ApiRequestException>(() => Feed().GetAsync(0, 100, 0, Allowed, CancellationToken.None));
        Assert.Equal((429, 30, "Too Many Requests: retry after 30"), (tooMany.ErrorCode, tooMany.Parameters?.RetryAfter, tooMany.Message));

        var unauthorized = await Assert.ThrowsAsync<ApiRequestException>(
            () => Feed("7000001234:AAE-revoked").GetAsync(0, 100, 0, Allowed, CancellationToken.None));
        Assert.Equal(401, unauthorized.ErrorCode);

        _api.FailNext("getUpdates", 409, "Conflict: can't use getUpdates method while webhook is active");
        var conflict = await Assert.ThrowsAsync<ApiRequestException>(() => Feed().GetAsync(0, 100, 0, Allowed, CancellationToken.None));
        Assert.Equal((409, null), (conflict.ErrorCode, conflict.Parameters?.RetryAfter));
    }
}
