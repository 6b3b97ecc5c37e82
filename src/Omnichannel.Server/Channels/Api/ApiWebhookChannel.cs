using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Channels.Api;

/// <summary>
/// Sends agents' replies in API-channel conversations to the configured webhook, for the one outbox sender: sent on
/// a 2xx answer, failed at once on 410 Gone, otherwise tried again (5 s doubling to 10 min) and failed (with the
/// reason) after the last attempt. Delivery is at least once: receivers deduplicate by <c>messageId</c> (also in the
/// <c>X-Omnichannel-Delivery</c> header).
/// </summary>
internal sealed class ApiWebhookChannel(
    IConversationStore store,
    IHttpClientFactory httpClients,
    IOptions<ApiChannelOptions> options) : IOutboundChannel
{
    public const string HttpClientName = "api-webhook";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Channel => ChannelNames.Api;

    public bool Enabled => !string.IsNullOrEmpty(options.Value.WebhookUrl);

    public OutboundRetry Retry => new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10), options.Value.MaxAttempts);

    public async Task<DeliveryOutcome> SendAsync(OutboundReply reply, CancellationToken cancellationToken)
    {
        var (message, conversation) = (reply.Message, reply.Conversation);
        var contact = await store.GetContactAsync(conversation.ContactId, cancellationToken);
        var payload = new ApiWebhookPayload("message.created", message.Id, conversation.Id, conversation.Account,
            new ApiWebhookContact(conversation.ContactId, contact?.Name, contact?.Email,
                contact?.Identities.FirstOrDefault(i => i.Kind == IdentityKinds.Api)?.Value),
            message.Text, message.AuthorName, message.CreatedAt, reply.Attempt);
        return await PostAsync(payload, cancellationToken);
    }

    private async Task<DeliveryOutcome> PostAsync(ApiWebhookPayload payload, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.WebhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Omnichannel-Delivery", payload.MessageId);
        if (!string.IsNullOrEmpty(options.Value.WebhookSecret))
        {
            var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.WebhookSecret), body);
            request.Headers.Add("X-Omnichannel-Signature", "sha256=" + Convert.ToHexStringLower(signature));
        }

        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            client.Timeout = options.Value.Timeout;
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return DeliveryOutcome.Sent;
            }

            var reason = $"The webhook answered {(int)response.StatusCode} {response.ReasonPhrase}.";
            // 410 Gone: the integration says the endpoint is gone for good. Anything else may pass later.
            return response.StatusCode == HttpStatusCode.Gone ? DeliveryOutcome.Failed(reason) : DeliveryOutcome.Transient(reason);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return DeliveryOutcome.Transient($"The webhook could not be reached: {ex.Message}");
        }
    }
}
