namespace Omnichannel.Core.Ports;

public sealed record WokenConversation(string ConversationId, long EventSequence);
