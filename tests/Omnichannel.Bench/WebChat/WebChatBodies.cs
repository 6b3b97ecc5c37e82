namespace Omnichannel.Bench.WebChat;

// The JSON the widget and the inbox exchange, written here rather than borrowed from the server (as in BenchJsonContext).
internal sealed record SessionBody(string Site);

internal sealed record SessionAnswer(string VisitorToken);

internal sealed record SendAckBody(string ClientId, string MessageId, string ConversationId, bool Duplicate);

internal sealed record AgentEventBody(string Type, string ConversationId, AgentEventMessage? Message);

internal sealed record AgentEventMessage(string Id, string Text);
