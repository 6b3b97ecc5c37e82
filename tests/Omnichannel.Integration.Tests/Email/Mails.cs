using System.Globalization;
using System.Text;

namespace Omnichannel.Integration.Tests.Email;

/// <summary>Raw mail as customers' clients and mail servers write it.</summary>
internal static class Mails
{
    public static string Plain(string from, string to, string subject, string body, string? messageId, string? inReplyTo = null, string? references = null, string? extraHeaders = null)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: {DateTimeOffset.UtcNow:r}\r\n");
        if (messageId is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Message-ID: <{messageId}>\r\n");
        }

        if (inReplyTo is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"In-Reply-To: <{inReplyTo}>\r\n");
        }

        if (references is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"References: {references}\r\n");
        }

        text.Append(extraHeaders ?? "");
        text.Append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n").Append(body).Append("\r\n");
        return text.ToString();
    }

    public static string HtmlOnly(string from, string to, string messageId) => $"""
        From: {from}
        To: {to}
        Subject: HTML only
        Message-ID: <{messageId}>
        MIME-Version: 1.0
        Content-Type: text/html; charset=utf-8

        <html><body><p>Hello <b>team</b>,</p><p>my order is late.</p><script>alert(1)</script></body></html>
        """;

    /// <summary>multipart/alternative inside multipart/related (an inline image) inside multipart/mixed (a PDF).</summary>
    public static string WithAttachments(string from, string to, string messageId) => $"""
        From: {from}
        To: {to}
        Subject: Invoice and a screenshot
        Message-ID: <{messageId}>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="mixed"

        --mixed
        Content-Type: multipart/related; boundary="related"

        --related
        Content-Type: multipart/alternative; boundary="alt"

        --alt
        Content-Type: text/plain; charset=utf-8

        See the screenshot and the invoice.
        --alt
        Content-Type: text/html; charset=utf-8

        <p>See the screenshot <img src="cid:shot@example.test"> and the invoice.</p>
        --alt--
        --related
        Content-Type: image/png
        Content-ID: <shot@example.test>
        Content-Disposition: inline; filename="shot.png"
        Content-Transfer-Encoding: base64

        iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==
        --related--
        --mixed
        Content-Type: application/pdf; name="invoice.pdf"
        Content-Disposition: attachment; filename="invoice.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PD4+CmVuZG9iagp0cmFpbGVyCjw8Pj4KJSVFT0YK
        --mixed--
        """;

    /// <summary>ISO-8859-1 body, quoted-printable, with an RFC 2047 subject and display name.</summary>
    public static string Latin1(string fromAddress, string to, string messageId) =>
        $"From: =?ISO-8859-1?Q?J=F6rg_M=FCller?= <{fromAddress}>\r\nTo: {to}\r\n"
        + "Subject: =?UTF-8?B?w5xiZXJ3ZWlzdW5nIGbDvHIgQmVzdGVsbHVuZw==?=\r\n"
        + $"Message-ID: <{messageId}>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        + "Gr=FC=DFe, die Lieferung ist versp=E4tet.\r\n";

    /// <summary>Declares a charset that does not exist; the bytes are windows-1252.</summary>
    public static string BrokenCharset(string from, string to, string messageId) =>
        $"From: {from}\r\nTo: {to}\r\nSubject: broken charset\r\nMessage-ID: <{messageId}>\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=x-unknown-charset\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nCaf=E9 cr=E8me\r\n";

    /// <summary>A multipart whose boundary never appears, a header without a colon, and a truncated base64 part.</summary>
    public static string Malformed(string from, string to) =>
        $"From: {from}\r\nTo: {to}\r\nSubject: malformed\r\nthis header line has no colon\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=\"never-used\"\r\n\r\n--wrong-boundary\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\nAAAA$$$!!\r\n";

    /// <summary>An attachment of <paramref name="bytes"/> bytes (base64 in the mail).</summary>
    public static string Large(string from, string to, string messageId, int bytes)
    {
        var data = LargeContent(bytes);
        return $"From: {from}\r\nTo: {to}\r\nSubject: big file\r\nMessage-ID: <{messageId}>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nThe logs are attached.\r\n"
            + "--b\r\nContent-Type: application/zip\r\nContent-Disposition: attachment; filename=\"logs.zip\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Convert.ToBase64String(data, Base64FormattingOptions.InsertLineBreaks) + "\r\n--b--\r\n";
    }

    /// <summary>The attachment <see cref="Large"/> sends: the same bytes every time.</summary>
    public static byte[] LargeContent(int bytes)
    {
        var data = new byte[bytes];
        new Random(7).NextBytes(data);
        return data;
    }

    /// <summary>A vacation notice answering <paramref name="inReplyTo"/>.</summary>
    public static string AutoReply(string from, string to, string inReplyTo) => Plain(from, to, "Out of office", "I am away until Monday.",
        $"ooo-{Guid.NewGuid():N}@cust.example", inReplyTo, extraHeaders: "Auto-Submitted: auto-replied\r\n");

    /// <summary>A DSN (RFC 3464) saying <paramref name="originalMessageId"/> to <paramref name="recipient"/> failed.</summary>
    public static string Bounce(string to, string recipient, string originalMessageId) => $"""
        From: Mail Delivery System <MAILER-DAEMON@mx.cust.example>
        To: {to}
        Subject: Undelivered Mail Returned to Sender
        Message-ID: <dsn-{Guid.NewGuid():N}@mx.cust.example>
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"

        --dsn
        Content-Type: text/plain

        Your message could not be delivered.
        --dsn
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.cust.example

        Final-Recipient: rfc822; {recipient}
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 <{recipient}>: Recipient address rejected: User unknown

        --dsn
        Content-Type: text/rfc822-headers

        From: {to}
        To: {recipient}
        Subject: Re: Where is my parcel?
        Message-ID: <{originalMessageId}>

        --dsn--
        """;
}
