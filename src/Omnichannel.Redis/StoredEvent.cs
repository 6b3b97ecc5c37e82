namespace Omnichannel.Redis;

/// <summary>An event as the Lua scripts encode it with cjson.</summary>
internal sealed class StoredEvent
{
    public long Seq { get; set; }
    public string Type { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string? MessageId { get; set; }
    public string At { get; set; } = "0";
    public string? ActorId { get; set; }

    // What the SLA keeper reads (RedisSlaStore): a message's side and kind, a status or priority changed to.
    public string? Direction { get; set; }

    public bool Private { get; set; }

    public bool Automated { get; set; }

    public string? Status { get; set; }

    public string? Priority { get; set; }
}
