namespace Omnichannel.Server.Channels.Api;

public sealed record ApiWebhookContact(string Id, string? Name, string? Email, string? Identifier);
