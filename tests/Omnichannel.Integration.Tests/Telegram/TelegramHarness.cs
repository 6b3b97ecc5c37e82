using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Telegram;

/// <summary>The real server with one bot, <c>support</c>, talking to a <see cref="BotApiEmulator"/>.</summary>
public sealed class TelegramHarness : IAsyncDisposable
{
    public const string Bot = "support";
    public const string Secret = "wh-Secret_0123456789";
    public const string WebhookPath = "/api/channels/telegram/support/webhook";

    private readonly string _blobs;
    private readonly bool _ownsApi;

    private TelegramHarness(BotApiEmulator api, InboxApp app, string blobs, bool ownsApi)
    {
        Api = api;
        App = app;
        _blobs = blobs;
        _ownsApi = ownsApi;
    }

    public BotApiEmulator Api { get; }

    public InboxApp App { get; }

    public string Workspace { get; private init; } = "";

    public IConversationStore Store => App.Services.GetRequiredService<IConversationStore>();

    public ITelegramStateStore State => App.Services.GetRequiredService<ITelegramStateStore>();

    public IBlobStore Blobs => App.Services.GetRequiredService<IBlobStore>();

    /// <summary>
    /// Starts the server (polling unless <paramref name="webhook"/>) on <paramref name="redis"/> (default: the shared Garnet)
    /// and <paramref name="workspace"/> (default: a fresh one); reuses <paramref name="api"/> and <paramref name="blobs"/>
    /// when given, as a restarted node would.
    /// </summary>
    public static async Task<TelegramHarness> StartAsync(
        StoreServers servers, bool webhook = false, string? redis = null, string? workspace = null, BotApiEmulator? api = null, string? blobs = null)
    {
        var ownsApi = api is null;
        api ??= await BotApiEmulator.StartAsync();
        blobs ??= TempDirectories.Create("oc-tg-blobs-");
        workspace ??= StoreServers.NewWorkspace();
        var app = new InboxApp(redis ?? servers.For(StoreServers.Garnet).Redis, workspace)
        {
            Settings =
            {
                ["Omnichannel:Blobs:Directory"] = blobs,
                ["Omnichannel:Channels:Telegram:PollTimeoutSeconds"] = "2",
                ["Omnichannel:Channels:Telegram:PollerLeaseSeconds"] = "7",
                ["Omnichannel:Channels:Telegram:MaxFileBytes"] = "100000",
                ["Omnichannel:Channels:Telegram:Bots:0:Name"] = Bot,
                ["Omnichannel:Channels:Telegram:Bots:0:Token"] = BotApiEmulator.Token,
                ["Omnichannel:Channels:Telegram:Bots:0:Mode"] = webhook ? "Webhook" : "Polling",
                ["Omnichannel:Channels:Telegram:Bots:0:ApiBaseUrl"] = api.BaseUrl,
                ["Omnichannel:Channels:Telegram:Bots:0:WebhookUrl"] = "http://localhost" + WebhookPath,
                ["Omnichannel:Channels:Telegram:Bots:0:WebhookSecret"] = Secret,
            },
        };
        _ = app.Services; // starts the host: pollers, sender, webhook registration
        return new TelegramHarness(api, app, blobs, ownsApi) { Workspace = workspace };
    }

    public async Task<IReadOnlyList<Conversation>> ConversationsAsync()
    {
        var page = await Store.ListConversationsAsync(new ConversationQuery(ConversationView.All, null, null, null, null, 200));
        return [.. page.Items.Where(c => c.Channel == ChannelNames.Telegram)];
    }

    /// <summary>The conversation's messages, oldest first.</summary>
    public async Task<IReadOnlyList<Message>> MessagesAsync(string conversationId)
    {
        var page = await Store.ListMessagesAsync(conversationId, null, 200);
        return [.. page.Items.OrderBy(m => m.Sequence)];
    }

    /// <summary>Polls <paramref name="probe"/> until it gives a value; moves the server's clock on when <paramref name="advanceClock"/> (retries wait on it).</summary>
    public async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what, int seconds = 20, TimeSpan? advanceClock = null)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (advanceClock is { } step)
            {
                App.Time.Advance(step);
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Timed out waiting for {what}.");
    }

    /// <summary>Polls <paramref name="probe"/> as fast as it answers, for timing: no clock moves, no sleeps.</summary>
    public async Task EventuallyPreciseAsync(Func<Task<bool>> probe, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await probe())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out.");
            }

            await Task.Yield();
        }
    }

    public Task<Conversation> SingleConversationAsync(int messages = 1) => EventuallyAsync(async () =>
    {
        var conversations = await ConversationsAsync();
        return conversations.Count == 1 && conversations[0].MessageCount >= messages ? conversations[0] : null;
    }, $"one Telegram conversation with {messages} message(s)");

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (_ownsApi)
        {
            await Api.DisposeAsync();
            TempDirectories.Delete(_blobs);
        }
    }
}
