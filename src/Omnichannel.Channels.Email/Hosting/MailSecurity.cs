namespace Omnichannel.Channels.Email.Hosting;

public enum MailSecurity
{
    /// <summary>Plain text: only for a server on the same machine or network.</summary>
    None,

    /// <summary>TLS from the first byte (IMAPS 993, SMTPS 465).</summary>
    SslOnConnect,

    /// <summary>Plain connection upgraded with STARTTLS, which must succeed (IMAP 143, SMTP submission 587).</summary>
    StartTls,
}
