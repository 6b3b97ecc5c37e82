using System.Globalization;
using System.Reflection;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// The email channel's state per mailbox. Key schema (prefix <c>oc:{ws}:email:{mailbox}:</c>, see docs/store.md):
/// <code>
/// cursor           hash    uidvalidity, uid: the highest UID stored (moves only after the store has the message)
/// ids              hash    Message-ID (no brackets) -> thread key, for mail we stored and replies we sent
/// threads          hash    conversation id -> thread key (replies go out in it; our Message-IDs carry the conversation id)
/// refs:{thread}    list    the thread's last 50 Message-IDs, oldest first (References of our replies)
/// subject:{hash}   string  thread key of the last mail with this sender + subject; expires after the subject window
/// sent             set     outbound message ids handed to the SMTP server (never sent twice)
/// lease            string  node holding the mailbox's IMAP connection; expires unless renewed
/// </code>
/// Also reads the ingest's <c>dedup:email:{mailbox}:{external id}</c> to skip a known mail before fetching it.
/// </summary>
public sealed class RedisMailboxState(RedisConnection connection) : IMailboxStateStore
{
    private static readonly string ThreadScript = Read("email_thread");
    private static readonly string LeaseScript = LuaScripts.Lease;

    private readonly RedisKeys _keys = connection.Keys;

    // One key declared per script routes it to the workspace's slot, as the store's other scripts do.
    private RedisKey[] SlotKey => [_keys.EventSequence];

    private string Prefix(string mailbox) => _keys.Prefix + "email:" + mailbox + ":";

    public async Task<MailboxCursor?> GetCursorAsync(string mailbox, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var values = await db.HashGetAsync(Prefix(mailbox) + "cursor", ["uidvalidity", "uid"]);
        if (values[0].IsNull || values[1].IsNull)
        {
            return null;
        }

        return new MailboxCursor(uint.Parse((string)values[0]!, CultureInfo.InvariantCulture), uint.Parse((string)values[1]!, CultureInfo.InvariantCulture));
    }

    public async Task SetCursorAsync(string mailbox, MailboxCursor cursor, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        await db.HashSetAsync(Prefix(mailbox) + "cursor", [new("uidvalidity", cursor.UidValidity), new("uid", cursor.LastUid)]);
    }

    public Task RecordIngestedAsync(string mailbox, IngestedMail mail, CancellationToken cancellationToken = default) =>
        RecordAsync(mailbox, mail.UidValidity, mail.Uid, mail.MessageId, mail.ThreadKey, mail.ConversationId, mail.SubjectKey, mail.SubjectWindow);

    public Task SkipAsync(string mailbox, uint uidValidity, uint uid, CancellationToken cancellationToken = default) =>
        RecordAsync(mailbox, uidValidity, uid, null, null, null, null, TimeSpan.Zero);

    public Task RecordOutgoingAsync(string mailbox, string threadKey, string messageId, CancellationToken cancellationToken = default) =>
        RecordAsync(mailbox, 0, null, messageId, threadKey, null, null, TimeSpan.Zero);

    public async Task<bool> IsIngestedAsync(string mailbox, string externalId, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        return await db.KeyExistsAsync($"{_keys.Prefix}dedup:{ChannelNames.Email}:{mailbox}:{externalId}");
    }

    public async Task<string?> FindThreadAsync(string mailbox, IReadOnlyList<string> messageIds,
        ConversationContinuation? answers, string? subjectKey, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        RedisValue[] args =
        [
            Prefix(mailbox), answers?.ConversationId ?? "", subjectKey ?? "",
            answers is null ? "" : _keys.Message(answers.ReplyId), .. messageIds.Select(id => (RedisValue)id),
        ];
        var result = await connection.EvaluateAsync(db, ThreadScript, SlotKey, args);
        return result.IsNull ? null : (string?)result;
    }

    public async Task<string?> GetConversationThreadAsync(string mailbox, string conversationId, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        return await db.HashGetAsync(Prefix(mailbox) + "threads", conversationId);
    }

    public async Task<IReadOnlyList<string>> GetThreadMessageIdsAsync(string mailbox, string threadKey, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var values = await db.ListRangeAsync(Prefix(mailbox) + "refs:" + threadKey);
        return [.. values.Select(v => (string)v!)];
    }

    public async Task MarkSentAsync(string mailbox, string outboundMessageId, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        await db.SetAddAsync(Prefix(mailbox) + "sent", outboundMessageId);
    }

    public async Task<bool> WasSentAsync(string mailbox, string outboundMessageId, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        return await db.SetContainsAsync(Prefix(mailbox) + "sent", outboundMessageId);
    }

    public async Task<bool> HoldLeaseAsync(string mailbox, string holder, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        RedisValue[] args = [Prefix(mailbox) + "lease", holder, (long)lifetime.TotalMilliseconds, "0"];
        return (int)await connection.EvaluateAsync(db, LeaseScript, SlotKey, args) == 1;
    }

    public async Task ReleaseLeaseAsync(string mailbox, string holder, CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        await connection.EvaluateAsync(db, LeaseScript, SlotKey, [Prefix(mailbox) + "lease", holder, 0, "1"]);
    }

    private async Task RecordAsync(string mailbox, uint uidValidity, uint? uid, string? messageId, string? threadKey, string? conversationId, string? subjectKey, TimeSpan window)
    {
        await connection.EvaluateJournaledAsync(LuaScripts.EmailRecord,
            RecordCall(mailbox, uidValidity, uid, messageId, threadKey, conversationId, subjectKey, window));
    }

    /// <summary>The keys and arguments of email_record.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) RecordCall(string mailbox, uint uidValidity,
        uint? uid, string? messageId, string? threadKey, string? conversationId, string? subjectKey, TimeSpan window) =>
        connection.JournaledCall(
        [
            Prefix(mailbox), uidValidity, uid is { } u ? u : "", messageId ?? "", threadKey ?? "", conversationId ?? "",
            subjectKey ?? "", Math.Max(1, (long)window.TotalMilliseconds),
        ]);

    private static string Read(string name)
    {
        var resource = $"Omnichannel.Redis.Scripts.{name}.lua";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded script {resource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
