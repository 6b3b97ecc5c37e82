using Omnichannel.Core.Model;

namespace Omnichannel.Core.Ports;

/// <summary>A customer-facing reply to send, its conversation, and which attempt this is (1 = first).</summary>
public sealed record OutboundReply(Message Message, Conversation Conversation, int Attempt);
