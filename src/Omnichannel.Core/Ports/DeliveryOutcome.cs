namespace Omnichannel.Core.Ports;

/// <summary>What a channel says after trying to send a reply (<see cref="IOutboundChannel.SendAsync"/>).</summary>
public sealed record DeliveryOutcome
{
    private DeliveryOutcome(DeliveryOutcomeKind kind, string? reason, TimeSpan? wait)
    {
        Kind = kind;
        Reason = reason;
        Wait = wait;
    }

    public DeliveryOutcomeKind Kind { get; }

    /// <summary>Why it failed or waits, in the peer's words where it gave any; shown to agents.</summary>
    public string? Reason { get; }

    /// <summary>How long the peer asked us to wait (a 429's <c>retry_after</c>), or the channel's own wait.</summary>
    public TimeSpan? Wait { get; }

    /// <summary>The peer took it.</summary>
    public static DeliveryOutcome Sent { get; } = new(DeliveryOutcomeKind.Sent, null, null);

    /// <summary>The peer's final word (a 5xx from SMTP, a 403 from Telegram): sending it again gives the same answer.</summary>
    public static DeliveryOutcome Failed(string reason) => new(DeliveryOutcomeKind.Failed, reason, null);

    /// <summary>May pass later (network, 4xx from SMTP, 429, 5xx): retried on the channel's schedule, or after <paramref name="retryAfter"/>.</summary>
    public static DeliveryOutcome Transient(string reason, TimeSpan? retryAfter = null) =>
        new(DeliveryOutcomeKind.Transient, reason, retryAfter);

    /// <summary>Not sendable yet, through nobody's fault (its chat route is not recorded yet): tried again after <paramref name="wait"/>, not counted as a failure.</summary>
    public static DeliveryOutcome Later(string reason, TimeSpan wait) => new(DeliveryOutcomeKind.Later, reason, wait);
}
