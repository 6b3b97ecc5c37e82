namespace Omnichannel.Redis;

/// <summary>
/// The store's state the operator gauges show, read at <see cref="ReadAt"/>: conversations waiting per queue, agents
/// present, replies not yet sent per channel (waiting, claimed by a sender, or scheduled for a retry).
/// </summary>
public sealed record OperatorGaugeReading(
    DateTimeOffset ReadAt,
    IReadOnlyDictionary<string, long> QueueDepth,
    long AgentsOnline,
    IReadOnlyDictionary<string, long> OutboxBacklog);
