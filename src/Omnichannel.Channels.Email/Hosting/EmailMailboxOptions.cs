using System.Globalization;
using Omnichannel.Core.Model;

namespace Omnichannel.Channels.Email.Hosting;

/// <summary>One support mailbox: where mail is read (IMAP) and replies are sent from (SMTP). Keys are pinned (issue 5).</summary>
public sealed class EmailMailboxOptions
{
    /// <summary>The conversations' account: letters, digits, '-' or '_'.</summary>
    public string Name { get; set; } = "";

    public string ImapHost { get; set; } = "";

    public int ImapPort { get; set; } = 993;

    public MailSecurity ImapSecurity { get; set; } = MailSecurity.SslOnConnect;

    public string Username { get; set; } = "";

    /// <summary>The password or app password; set it from an environment variable or a secret store.</summary>
    public string Password { get; set; } = "";

    public string Folder { get; set; } = "INBOX";

    public string SmtpHost { get; set; } = "";

    public int SmtpPort { get; set; } = 587;

    public MailSecurity SmtpSecurity { get; set; } = MailSecurity.StartTls;

    /// <summary>Defaults to <see cref="Username"/>.</summary>
    public string? SmtpUsername { get; set; }

    /// <summary>Defaults to <see cref="Password"/>.</summary>
    public string? SmtpPassword { get; set; }

    /// <summary>The support address replies come from (and the domain of our Message-IDs).</summary>
    public string FromAddress { get; set; } = "";

    /// <summary>Shown after the agent's name: "Ana (Acme Support)".</summary>
    public string? FromName { get; set; }

    public string Queue { get; set; } = "default";

    /// <summary>What the first start imports of the mail already there: <c>None</c> (default), <c>Days:N</c> or <c>All</c>.</summary>
    public string ImportExisting { get; set; } = "None";

    /// <summary>Flag stored mail \Seen (default). Never deletes.</summary>
    public bool MarkSeen { get; set; } = true;

    /// <summary>Move stored mail to this folder instead of leaving it in <see cref="Folder"/>; empty: leave it.</summary>
    public string? ProcessedFolder { get; set; }

    /// <summary>How often to look for mail when the server has no IDLE.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>IDLE is re-issued after this long (servers drop idle connections after 10-30 minutes).</summary>
    public TimeSpan IdleRefresh { get; set; } = TimeSpan.FromMinutes(9);

    /// <summary>First wait after a connection error; doubles (with jitter) up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a node's lease on this mailbox lasts without renewal (renewed every third of it): when the node that
    /// reads the mailbox dies, another node (or the restarted one) reads it again after at most this long.
    /// </summary>
    public TimeSpan LeaseLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Larger attachments are not stored; the message says so.</summary>
    public long MaxAttachmentBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>
    /// A larger mail (its IMAP <c>RFC822.SIZE</c>) is not fetched: it goes to the quarantine as "too large" and the
    /// mailbox moves on. Default 25 MB.
    /// </summary>
    public long MaxMessageBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>A mail with no known In-Reply-To/References joins the sender's thread of the same subject within this window.</summary>
    public TimeSpan ThreadBySubjectWindow { get; set; } = TimeSpan.FromDays(7);

    internal string EffectiveSmtpUsername => string.IsNullOrEmpty(SmtpUsername) ? Username : SmtpUsername;

    internal string EffectiveSmtpPassword => string.IsNullOrEmpty(SmtpPassword) ? Password : SmtpPassword;

    /// <summary>Parsed <see cref="ImportExisting"/>: null = nothing, <see cref="TimeSpan.MaxValue"/> = all, else how far back.</summary>
    internal TimeSpan? ImportWindow => ParseImport(ImportExisting, out var window) ? window : null;

    internal IEnumerable<string> Problems()
    {
        if (!Ids.IsWellFormed(Name))
        {
            yield return "Name must be letters, digits, '-' or '_' (at most 64).";
        }

        if (string.IsNullOrWhiteSpace(ImapHost))
        {
            yield return "ImapHost is required.";
        }

        if (string.IsNullOrWhiteSpace(Username))
        {
            yield return "Username is required.";
        }

        if (string.IsNullOrWhiteSpace(FromAddress) || !MimeKit.MailboxAddress.TryParse(FromAddress, out _))
        {
            yield return "FromAddress must be an email address.";
        }

        // A queue id is a slug (what ingest accepts): a mailbox whose every mail would be refused fails at start.
        if (!Slugs.IsValid(Queue))
        {
            yield return "Queue " + Slugs.Rule;
        }

        if (!ParseImport(ImportExisting, out _))
        {
            yield return "ImportExisting must be None, Days:N or All.";
        }

        if (ImapPort is < 1 or > 65535 || SmtpPort is < 1 or > 65535)
        {
            yield return "ImapPort and SmtpPort must be between 1 and 65535.";
        }

        if (MaxMessageBytes < 1024)
        {
            yield return "MaxMessageBytes must be at least 1024.";
        }

        if (MaxAttachmentBytes < 0 || PollInterval <= TimeSpan.Zero || IdleRefresh <= TimeSpan.Zero || ReconnectDelay <= TimeSpan.Zero)
        {
            yield return "MaxAttachmentBytes, PollInterval, IdleRefresh and ReconnectDelay must be positive.";
        }

        if (LeaseLifetime < TimeSpan.FromSeconds(3) || LeaseLifetime > TimeSpan.FromHours(1))
        {
            yield return "LeaseLifetime must be 3 seconds to 1 hour.";
        }
    }

    private static bool ParseImport(string? value, out TimeSpan? window)
    {
        window = null;
        var text = value?.Trim() ?? "";
        if (text.Length == 0 || text.Equals("None", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Equals("All", StringComparison.OrdinalIgnoreCase))
        {
            window = TimeSpan.MaxValue;
            return true;
        }

        if (text.StartsWith("Days:", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is > 0 and <= 36500)
        {
            window = TimeSpan.FromDays(days);
            return true;
        }

        return false;
    }
}
