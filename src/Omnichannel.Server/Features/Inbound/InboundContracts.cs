namespace Omnichannel.Server.Features.Inbound;

public sealed record InboundContact(string? Identifier, string? Name, string? Email);

/// <summary>A customer message posted by an integration (like Chatwoot's API inbox).</summary>
public sealed record InboundRequest(string? SourceId, InboundContact? Contact, string? ThreadKey, string? Text, string? Subject, string? Inbox, string? Queue);

public sealed record InboundResponse(string ConversationId, string MessageId);

public sealed record DeliveryReport(string? State, string? Error);
