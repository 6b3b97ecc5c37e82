using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Server.Channels.Api;

/// <summary>
/// Bound from <c>Omnichannel:Channels:Api</c>. With a webhook URL, agents' replies in API conversations are POSTed
/// there (signed with the secret); without one, the integration reads them from the API and reports delivery.
/// </summary>
public sealed class ApiChannelOptions
{
    public const string Section = "Omnichannel:Channels:Api";

    public string? WebhookUrl { get; set; }

    /// <summary>Signs each webhook body: header <c>X-Omnichannel-Signature: sha256=HEX(HMAC-SHA256(secret, body))</c>.</summary>
    public string? WebhookSecret { get; set; }

    // Empty means "not set" (as in appsettings.example.json), so these are checked here, not with attributes.
    internal IEnumerable<string> Problems()
    {
        if (!string.IsNullOrEmpty(WebhookUrl)
            && !(Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            yield return "Omnichannel:Channels:Api:WebhookUrl must be an absolute http(s) URL.";
        }

        if (!string.IsNullOrEmpty(WebhookSecret) && WebhookSecret.Length < 16)
        {
            yield return "Omnichannel:Channels:Api:WebhookSecret must be at least 16 characters.";
        }
    }

    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
