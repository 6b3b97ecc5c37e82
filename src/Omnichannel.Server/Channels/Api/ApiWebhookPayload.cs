namespace Omnichannel.Server.Channels.Api;

/// <summary>What the API channel's webhook receives for each agent reply. Part of the public contract.</summary>
public sealed record ApiWebhookPayload(
    string Event,
    string MessageId,
    string ConversationId,
    string Inbox,
    ApiWebhookContact Contact,
    string Text,
    string? AuthorName,
    DateTimeOffset CreatedAt,
    int Attempt);
