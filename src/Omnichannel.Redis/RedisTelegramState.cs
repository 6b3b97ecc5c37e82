using System.Globalization;
using System.Reflection;
using Omnichannel.Core.Ports;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// The Telegram channel's own state. Keys (prefix <c>oc:{ws}:</c>, listed in docs/store.md):
/// <code>
/// telegram:{bot}:offset        string  next getUpdates offset (only moves forward)
/// telegram:{bot}:poller        string  poller lease: the holding node, with a TTL
/// telegram:{bot}:unreachable   hash    chat id -> "ms|reason" of chats that refuse the bot
/// telegram:conv:{conversation} hash    bot chatId chatType lastMessageId threadId: where replies go
/// telegram:sent:{message}      hash    part index -> Telegram message id, chatId: parts of a reply already sent
/// </code>
/// Contacts' Telegram facts live in their <c>attributes</c> JSON (telegramUsername, telegramSource, telegramUnreachable),
/// changed by the same scripts that change the channel's keys.
/// </summary>
public sealed class RedisTelegramState(RedisConnection connection) : ITelegramStateStore
{
    private static readonly string LeaseScript = Read("telegram_lease");
    private static readonly string OffsetScript = Read("telegram_offset");

    private readonly RedisKeys _keys = connection.Keys;

    private string Bot(string bot) => _keys.Prefix + "telegram:" + bot;

    private string Route(string conversationId) => _keys.Prefix + "telegram:conv:" + conversationId;

    private string Sent(string messageId) => _keys.Prefix + "telegram:sent:" + messageId;

    public async Task<long> GetOffsetAsync(string bot, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var value = await db.StringGetAsync(Bot(bot) + ":offset");
        return value.IsNullOrEmpty ? 0 : (long)value;
    }

    public async Task AdvanceOffsetAsync(string bot, long offset, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        await connection.EvaluateAsync(db, OffsetScript, [Bot(bot) + ":offset"], [offset]);
    }

    public async Task<bool> TryHoldPollerLeaseAsync(string bot, string holder, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var result = await connection.EvaluateAsync(db, LeaseScript, [Bot(bot) + ":poller"], [holder, (long)lifetime.TotalMilliseconds]);
        return (int)result == 1;
    }

    public async Task ReleasePollerLeaseAsync(string bot, string holder, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        await db.LockReleaseAsync(Bot(bot) + ":poller", holder);
    }

    public async Task RecordInboundAsync(TelegramInbound inbound, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await connection.EvaluateJournaledAsync(LuaScripts.TelegramInbound, RecordInboundCall(inbound, now));
    }

    /// <summary>The keys and arguments of telegram_inbound.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) RecordInboundCall(TelegramInbound inbound,
        DateTimeOffset now) =>
        connection.JournaledCall(
        [
            _keys.Prefix, HashMapping.Ms(now), inbound.Bot, inbound.ConversationId, inbound.ContactId, inbound.ChatId,
            inbound.ChatType, inbound.MessageId, inbound.MessageThreadId?.ToString(CultureInfo.InvariantCulture) ?? "",
            inbound.Username ?? "", inbound.StartPayload ?? "",
        ]);

    public async Task<TelegramChatRoute?> GetRouteAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var f = HashMapping.ToDictionary(await db.HashGetAllAsync(Route(conversationId)));
        if (!f.TryGetValue("bot", out var bot) || !f.TryGetValue("chatId", out var chatId))
        {
            return null;
        }

        return new TelegramChatRoute(
            bot,
            long.Parse(chatId, CultureInfo.InvariantCulture),
            f.GetValueOrDefault("chatType", "private"),
            long.Parse(f.GetValueOrDefault("lastMessageId", "0"), CultureInfo.InvariantCulture),
            f.TryGetValue("threadId", out var thread) && thread.Length > 0 ? int.Parse(thread, CultureInfo.InvariantCulture) : null);
    }

    public async Task<IReadOnlyDictionary<int, long>> GetSentPartsAsync(string messageId, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var parts = new Dictionary<int, long>();
        foreach (var entry in await db.HashGetAllAsync(Sent(messageId)))
        {
            if (int.TryParse((string?)entry.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var part))
            {
                parts[part] = (long)entry.Value;
            }
        }

        return parts;
    }

    public async Task RecordSentPartAsync(string messageId, int part, long chatId, long telegramMessageId, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        await db.HashSetAsync(Sent(messageId), [new(part, telegramMessageId), new("chatId", chatId)]);
    }

    public async Task MarkUnreachableAsync(string bot, long chatId, string contactId, string reason, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await connection.EvaluateJournaledAsync(LuaScripts.TelegramUnreachable,
            MarkUnreachableCall(bot, chatId, contactId, reason, now));
    }

    /// <summary>The keys and arguments of telegram_unreachable.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) MarkUnreachableCall(string bot, long chatId,
        string contactId, string reason, DateTimeOffset now) =>
        connection.JournaledCall([_keys.Prefix, HashMapping.Ms(now), bot, chatId, contactId, reason]);

    public async Task<string?> GetUnreachableAsync(string bot, long chatId, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var value = (string?)await db.HashGetAsync(Bot(bot) + ":unreachable", chatId);
        return value is null ? null : value[(value.IndexOf('|', StringComparison.Ordinal) + 1)..];
    }

    private static string Read(string name)
    {
        var resource = $"Omnichannel.Redis.Scripts.{name}.lua";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded script {resource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
