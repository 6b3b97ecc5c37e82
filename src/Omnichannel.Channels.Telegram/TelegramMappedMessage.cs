using Omnichannel.Core.Inbound;

namespace Omnichannel.Channels.Telegram;

/// <summary>A customer message, ready for <c>IngestMessage</c>; <see cref="Metadata"/> holds what the channel needs later.</summary>
public sealed record TelegramMappedMessage(int UpdateId, InboundMessage Message, TelegramMessageMetadata Metadata)
    : TelegramMappingResult(UpdateId);
