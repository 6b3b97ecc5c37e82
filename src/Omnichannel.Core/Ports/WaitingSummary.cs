namespace Omnichannel.Core.Ports;

public sealed record WaitingSummary(int Count, DateTimeOffset? OldestSince);
