using MimeKit;
using Omnichannel.Core.Rules;
using Omnichannel.Core.Validation;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>The person a mail is from, as the contact will know them.</summary>
/// <param name="Address">Lower-cased address.</param>
/// <param name="Name">Display name as decoded from RFC 2047, one line, at most <see cref="TextRules.MaxNameLength"/>; null when absent or just the address.</param>
internal sealed record EmailSender(string Address, string? Name)
{
    /// <summary>
    /// The author: the first usable mailbox of From. Reply-To is not the author: mailing lists set it to the list and
    /// web forms to the visitor, so making it the contact would merge strangers or split a person. It is kept in the
    /// metadata as where replies go. Sender and then Reply-To are only a fallback for a mail whose From is missing or broken.
    /// </summary>
    public static EmailSender? Of(MimeMessage message) =>
        First(message.From) ?? First(message.Sender is null ? [] : [message.Sender]) ?? First(message.ReplyTo);

    /// <summary>A mailbox's address lower-cased, or null when it could not be a contact's address.</summary>
    public static string? NormalizeAddress(MailboxAddress mailbox)
    {
        var address = mailbox.Address?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(address) || address.Length > TextRules.MaxIdentifierLength
            || !IdentityRules.LooksLikeEmail(address) || address.Any(c => char.IsControl(c) || char.IsSurrogate(c)))
        {
            return null;
        }

        return address;
    }

    private static EmailSender? First(IEnumerable<InternetAddress> addresses)
    {
        foreach (var mailbox in addresses.SelectMany(Mailboxes))
        {
            if (NormalizeAddress(mailbox) is { } address)
            {
                return new EmailSender(address, DisplayName(mailbox.Name, address));
            }
        }

        return null;
    }

    private static IEnumerable<MailboxAddress> Mailboxes(InternetAddress address) => address switch
    {
        MailboxAddress mailbox => [mailbox],
        GroupAddress group => group.Members.Mailboxes,
        _ => [],
    };

    private static string? DisplayName(string? raw, string address)
    {
        var name = InboundText.CleanSingleLine(raw, TextRules.MaxNameLength);
        if (name is { Length: > 1 } && name[0] == '\'' && name[^1] == '\'')
        {
            // Outlook quotes names in single quotes: 'Ana Example'.
            name = InboundText.CleanSingleLine(name[1..^1], TextRules.MaxNameLength);
        }

        return name is null || name.Equals(address, StringComparison.OrdinalIgnoreCase) ? null : name;
    }
}
