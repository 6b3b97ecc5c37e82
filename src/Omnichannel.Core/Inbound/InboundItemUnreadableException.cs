namespace Omnichannel.Core.Inbound;

/// <summary>An item that will never be readable, whatever the tries: it is quarantined at the first failure.</summary>
public sealed class InboundItemUnreadableException(string reason, Exception? inner = null) : Exception(reason, inner);
