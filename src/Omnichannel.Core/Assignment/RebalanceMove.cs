namespace Omnichannel.Core.Assignment;

public sealed record RebalanceMove(string ConversationId, string From, string To);
