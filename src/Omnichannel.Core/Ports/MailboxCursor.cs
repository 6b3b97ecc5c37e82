namespace Omnichannel.Core.Ports;

/// <summary>Where an IMAP ingest stands in a folder: the folder's UIDVALIDITY and the highest UID stored.</summary>
public sealed record MailboxCursor(uint UidValidity, uint LastUid);
