using Omnichannel.Core.Model;

namespace Omnichannel.Core.Ports;

public sealed record StatusChangeResult(ConversationStatus Previous, ConversationStatus Current, long EventSequence);
