using MailKit.Net.Imap;

namespace Omnichannel.Channels.Email.Ingest;

/// <summary>
/// An <see cref="ImapClient"/> whose folders spool fetched messages to temporary files (<see cref="SpoolingImapFolder"/>)
/// rather than to memory, MailKit's default for <c>GetStream</c>: a 25 MB mail then costs no 25 MB of heap. A message
/// longer than <paramref name="maxBytes"/> is not kept at all, only counted.
/// </summary>
internal sealed class SpoolingImapClient(long maxBytes) : ImapClient
{
    protected override ImapFolder CreateImapFolder(ImapFolderConstructorArgs args) => new SpoolingImapFolder(args, maxBytes);
}
