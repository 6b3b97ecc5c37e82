using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Server.Channels.Api;

/// <summary>
/// Bound from <c>Omnichannel:Channels:Api</c>. With a webhook URL, agents' replies in API conversations are POSTed
/// there (signed with the secret); without one, the integration reads them from the API and reports delivery.
/// </summary>
public sealed class ApiChannelOptions
{
    public const string Section = "Omnichannel:Channels:Api";

    [Url]
    public string? WebhookUrl { get; set; }

    /// <summary>Signs each webhook body: header <c>X-Omnichannel-Signature: sha256=HEX(HMAC-SHA256(secret, body))</c>.</summary>
    [MinLength(16, ErrorMessage = "WebhookSecret must be at least 16 characters.")]
    public string? WebhookSecret { get; set; }

    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
