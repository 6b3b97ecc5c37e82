using MailKit.Net.Imap;

namespace Omnichannel.Channels.Email.Ingest;

/// <summary>
/// MailKit writes a fetched message (the IMAP literal, as it comes off the connection) into the stream this folder
/// creates: a temporary file, deleted when the stream is disposed, instead of MailKit's in-memory block stream. The
/// message is then parsed in place (<c>persistent</c> MimeKit parsing) and its files are copied from that file
/// straight into the blob store, so memory stays bounded whatever the mail's size. A literal longer than
/// <paramref name="maxBytes"/> (a server sending more than the <c>RFC822.SIZE</c> it announced) goes to a
/// <see cref="CountingSink"/>: disk stays bounded too, and the caller sees its length and refuses it.
/// </summary>
internal sealed class SpoolingImapFolder(ImapFolderConstructorArgs args, long maxBytes) : ImapFolder(args)
{
    /// <summary>Headers, small parts: not worth a file.</summary>
    private const int InMemoryBytes = 64 * 1024;

    protected override Stream CreateStream(MailKit.UniqueId? uid, string section, int offset, int length)
    {
        if (length > maxBytes)
        {
            return new CountingSink();
        }

        if (length <= InMemoryBytes)
        {
            return base.CreateStream(uid, section, offset, length);
        }

        var path = Path.Combine(Path.GetTempPath(), $"oc-mail-{Guid.NewGuid():N}.eml");
        return new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81_920,
            FileOptions.DeleteOnClose);
    }
}
