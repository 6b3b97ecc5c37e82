using System.Globalization;
using System.Text.Json;
using Omnichannel.Core.Model;
using Omnichannel.Core.Sla;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>Turns the store's hashes into domain records. Field names match the Lua scripts.</summary>
internal static class HashMapping
{
    public static Dictionary<string, string> ToDictionary(HashEntry[] entries)
    {
        var fields = new Dictionary<string, string>(entries.Length, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            fields[entry.Name!] = entry.Value!;
        }

        return fields;
    }

    public static long ToUnixMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static string Ms(DateTimeOffset time) => ToUnixMs(time).ToString(CultureInfo.InvariantCulture);

    public static DateTimeOffset FromMs(string value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(value, CultureInfo.InvariantCulture));

    private static DateTimeOffset? OptionalTime(Dictionary<string, string> f, string name) =>
        f.TryGetValue(name, out var v) && v.Length > 0 ? FromMs(v) : null;

    private static string? Optional(Dictionary<string, string> f, string name) =>
        f.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    public static Conversation ToConversation(Dictionary<string, string> f) => new(
        Id: f["id"],
        Channel: f["channel"],
        Account: f["account"],
        ContactId: f["contactId"],
        Status: ConversationStatusText.Parse(f["status"]),
        AssigneeId: Optional(f, "assigneeId"),
        Queue: f["queue"],
        Tier: f.GetValueOrDefault("tier", "L1"),
        Subject: Optional(f, "subject"),
        CreatedAt: FromMs(f["createdAt"]),
        LastActivityAt: FromMs(f["lastActivityAt"]),
        FirstResponseAt: OptionalTime(f, "firstResponseAt"),
        SnoozedUntil: OptionalTime(f, "snoozedUntil"),
        Labels: f.TryGetValue("labels", out var labels) && labels.Length > 0
            ? JsonSerializer.Deserialize(labels, StoreJsonContext.Default.StringArray) ?? []
            : [],
        MessageCount: int.Parse(f.GetValueOrDefault("messageCount", "0"), CultureInfo.InvariantCulture),
        Priority: ToPriority(f.GetValueOrDefault("priority")),
        Sla: ToSla(f.GetValueOrDefault("sla")),
        TierPath: f.TryGetValue("tierPath", out var path) && path.Length > 0
            ? JsonSerializer.Deserialize(path, StoreJsonContext.Default.StringArray) ?? []
            : []);

    public static Priority ToPriority(string? text) => PriorityText.TryParse(text, out var priority) ? priority : Priority.Normal;

    public static ConversationSla? ToSla(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize(json, SlaJsonContext.Default.ConversationSla);

    public static Message ToMessage(Dictionary<string, string> f) => new(
        Id: f["id"],
        ConversationId: f["conversationId"],
        Sequence: long.Parse(f["seq"], CultureInfo.InvariantCulture),
        Direction: f["direction"] == "in" ? MessageDirection.In : MessageDirection.Out,
        AuthorKind: Enum.Parse<AuthorKind>(f["authorKind"], ignoreCase: true),
        AuthorId: Optional(f, "authorId"),
        AuthorName: Optional(f, "authorName"),
        Text: f.GetValueOrDefault("text", ""),
        Html: Optional(f, "html"),
        Attachments: f.TryGetValue("attachments", out var json) && json.Length > 0
            ? JsonSerializer.Deserialize(json, StoreJsonContext.Default.AttachmentInfoArray) ?? []
            : [],
        ExternalId: Optional(f, "externalId"),
        CreatedAt: FromMs(f["createdAt"]),
        IsPrivate: f.GetValueOrDefault("private") == "1",
        Delivery: Enum.Parse<DeliveryState>(f.GetValueOrDefault("delivery", "none"), ignoreCase: true),
        DeliveryError: Optional(f, "deliveryError"));

    public static Contact ToContact(Dictionary<string, string> f, IEnumerable<string> identities,
        IEnumerable<string>? claimed = null) => new(
        Id: f["id"],
        Name: Optional(f, "name"),
        Email: Optional(f, "email"),
        Identities: [.. identities.Order(StringComparer.Ordinal).Select(ParseIdentity)],
        Attributes: f.TryGetValue("attributes", out var json) && json.Length > 0
            ? JsonSerializer.Deserialize(json, StoreJsonContext.Default.DictionaryStringString) ?? []
            : new Dictionary<string, string>(),
        CreatedAt: FromMs(f["createdAt"]),
        UpdatedAt: FromMs(f.GetValueOrDefault("updatedAt", f["createdAt"])))
        {
            // A claim verified later stays in the claimed set (ingest never removes it): the verified identity wins.
            Claimed = [.. (claimed ?? []).Except(identities, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(ParseIdentity)],
            EmailClaimed = f.GetValueOrDefault("emailClaimed") == "1",
            MergedInto = Optional(f, "mergedInto"),
        };

    public static ContactIdentity ParseIdentity(string stored)
    {
        var colon = stored.IndexOf(':', StringComparison.Ordinal);
        return new ContactIdentity(stored[..colon], stored[(colon + 1)..]);
    }
}
