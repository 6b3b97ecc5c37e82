namespace Omnichannel.Channels.Email.Inbound;

/// <summary>What <see cref="EmailMessageMapper"/> made of one message: a customer message to ingest, or a rejection with its reason.</summary>
public abstract record EmailMappingResult;
