using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mediator;
using Microsoft.Extensions.Options;
using Omnichannel.Core.Features;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Channels.Api;

/// <summary>
/// Sends agents' replies in API-channel conversations to the configured webhook: sent on a 2xx answer, retried
/// with exponential backoff otherwise, failed (with the reason) after the last attempt. Delivery is at least once:
/// receivers deduplicate by <c>messageId</c> (also in the <c>X-Omnichannel-Delivery</c> header).
/// </summary>
internal sealed partial class ApiWebhookDispatcher(
    IOutboundQueue queue,
    IConversationStore store,
    IMediator mediator,
    OutboundSignals signal,
    IHttpClientFactory httpClients,
    IOptions<ApiChannelOptions> options,
    TimeProvider time,
    ILogger<ApiWebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "api-webhook";
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrEmpty(options.Value.WebhookUrl))
        {
            return;
        }

        var recovered = await queue.RecoverInFlightAsync(ChannelNames.Api, stoppingToken);
        if (recovered > 0)
        {
            logger.LogInformation("Requeued {Count} API-channel replies a previous sender had claimed", recovered);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await queue.ClaimAsync(ChannelNames.Api, time.GetUtcNow(), stoppingToken) is { } claim)
                {
                    await DeliverAsync(claim, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "API-channel sender failed; retrying in {Interval}", PollInterval);
            }

            await signal.WaitAsync(ChannelNames.Api, PollInterval, time, stoppingToken);
        }
    }

    private async Task DeliverAsync(OutboundClaim claim, CancellationToken cancellationToken)
    {
        var message = await store.GetMessageAsync(claim.MessageId, cancellationToken);
        var conversation = message is null ? null : await store.GetConversationAsync(message.ConversationId, cancellationToken);
        if (message is null || conversation is null || message.IsPrivate || message.Direction != MessageDirection.Out)
        {
            // Never send what is not a customer-facing reply (a note, an echo of the customer's own message).
            await queue.CompleteAsync(ChannelNames.Api, claim.MessageId, cancellationToken);
            return;
        }

        var contact = await store.GetContactAsync(conversation.ContactId, cancellationToken);
        var payload = new ApiWebhookPayload("message.created", message.Id, conversation.Id, conversation.Account,
            new ApiWebhookContact(conversation.ContactId, contact?.Name, contact?.Email,
                contact?.Identities.FirstOrDefault(i => i.Kind == IdentityKinds.Api)?.Value),
            message.Text, message.AuthorName, message.CreatedAt, claim.Attempt);

        var error = await PostAsync(payload, cancellationToken);
        if (error is null)
        {
            await mediator.Send(new RecordDelivery(conversation.Id, message.Id, DeliveryState.Sent, null), cancellationToken);
            await queue.CompleteAsync(ChannelNames.Api, message.Id, cancellationToken);
            return;
        }

        if (claim.Attempt >= options.Value.MaxAttempts)
        {
            LogGaveUp(message.Id, claim.Attempt, error);
            await mediator.Send(new RecordDelivery(conversation.Id, message.Id, DeliveryState.Failed, error), cancellationToken);
            await queue.CompleteAsync(ChannelNames.Api, message.Id, cancellationToken);
            return;
        }

        var delay = Backoff(claim.Attempt);
        LogRetry(message.Id, claim.Attempt, error, delay);
        await queue.RetryLaterAsync(ChannelNames.Api, message.Id, time.GetUtcNow() + delay, cancellationToken);
    }

    /// <summary>5 s, 10 s, 20 s … capped at 10 minutes, with up to 20% jitter so retries of many messages spread out.</summary>
    internal static TimeSpan Backoff(int attempt)
    {
        var seconds = Math.Min(600, 5 * Math.Pow(2, attempt - 1));
        return TimeSpan.FromSeconds(seconds * (1 + (Random.Shared.NextDouble() * 0.2)));
    }

    private async Task<string?> PostAsync(ApiWebhookPayload payload, CancellationToken cancellationToken)
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
            return response.IsSuccessStatusCode ? null : $"The webhook answered {(int)response.StatusCode} {response.ReasonPhrase}.";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"The webhook could not be reached: {ex.Message}";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery of reply {MessageId} failed (attempt {Attempt}): {Error}; retrying in {Delay}")]
    private partial void LogRetry(string messageId, int attempt, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up delivering reply {MessageId} to the webhook after {Attempt} attempts: {Error}")]
    private partial void LogGaveUp(string messageId, int attempt, string error);
}
