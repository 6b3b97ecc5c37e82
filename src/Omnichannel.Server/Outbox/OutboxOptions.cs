using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Server.Outbox;

/// <summary><c>Omnichannel:Outbox</c>: how replies are sent, for every channel.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Omnichannel:Outbox";

    /// <summary>
    /// How long one attempt to hand a reply to its peer (SMTP, Telegram, the webhook) may take before it is stopped
    /// and retried later, so one peer that hangs does not hold up its channel's other replies.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00", ErrorMessage = "Omnichannel:Outbox:AttemptTimeout must be 5 seconds to 1 hour.")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
