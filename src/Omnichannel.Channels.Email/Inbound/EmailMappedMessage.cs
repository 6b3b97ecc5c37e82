using Omnichannel.Core.Inbound;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>
/// A message ready for <c>IngestMessage</c>. <see cref="Metadata"/> holds the mail facts the ingest needs next (threading,
/// loop and bounce handling); <see cref="Notes"/> are short English lines for the log about what was dropped or repaired.
/// </summary>
public sealed record EmailMappedMessage(InboundMessage Message, EmailMetadata Metadata, IReadOnlyList<string> Notes)
    : EmailMappingResult;
