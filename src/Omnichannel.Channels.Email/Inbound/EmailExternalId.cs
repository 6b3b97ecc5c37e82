using System.Security.Cryptography;
using System.Text;
using MimeKit;
using Omnichannel.Core.Validation;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>
/// The external id a mail is deduplicated by (with the mailbox): its Message-ID without angle brackets, or, for the rare
/// mail without a usable one, <c>sha256:</c> and the hex SHA-256 of its From, To, Date and Subject headers and its body
/// text. The hash is stable: the same bytes fetched again (after a crash, after a UIDVALIDITY change) give the same id.
/// </summary>
public static class EmailExternalId
{
    public const string HashPrefix = "sha256:";

    /// <summary>The id of <paramref name="message"/>, as <see cref="EmailMessageMapper"/> will set it. Lets the ingest check for a duplicate before storing attachments.</summary>
    public static string For(MimeMessage message, EmailMappingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        return CleanMessageId(message.MessageId) ?? Hash(message, EmailBodyReader.HashSource(MimeBodyCollector.Collect(message), options ?? new()));
    }

    /// <summary>Message-ID without angle brackets; null when it is missing, empty, too long to be a key, or not one line.</summary>
    public static string? CleanMessageId(string? messageId)
    {
        var id = messageId?.Trim().TrimStart('<').TrimEnd('>').Trim();
        if (string.IsNullOrEmpty(id) || id.Length > TextRules.MaxIdentifierLength
            || id.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c)))
        {
            return null;
        }

        return id;
    }

    internal static string For(MimeMessage message, string bodyText) =>
        CleanMessageId(message.MessageId) ?? Hash(message, bodyText);

    private static string Hash(MimeMessage message, string bodyText)
    {
        var canonical = new StringBuilder()
            .Append("from:").Append(Addresses(message.From)).Append('\n')
            .Append("to:").Append(Addresses(message.To)).Append('\n')
            .Append("date:").Append(Collapse(message.Headers[HeaderId.Date])).Append('\n')
            .Append("subject:").Append(Collapse(message.Subject)).Append("\n\n")
            .Append(bodyText.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd())
            .ToString();

        // Lone surrogates cannot occur in decoded text, but the replacement fallback keeps hashing total anyway.
        var bytes = Encoding.UTF8.GetBytes(canonical);
        return HashPrefix + Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private static string Addresses(InternetAddressList list) =>
        string.Join(",", list.Mailboxes.Select(m => m.Address.Trim().ToLowerInvariant()));

    private static string Collapse(string? value) =>
        string.Join(' ', (value ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
