namespace Omnichannel.Channels.Tests.Email;

/// <summary>
/// Raw mail as real clients send it (trimmed to what matters), written with \n line ends; <see cref="Mail.Parse"/>
/// turns them into CRLF.
/// </summary>
internal static class EmailSamples
{
    /// <summary>Gmail: multipart/alternative, text quoted with "&gt;" under an attribution, HTML quote in gmail_quote.</summary>
    public const string GmailReply = """
        Return-Path: <ana.example@example.com>
        MIME-Version: 1.0
        Date: Tue, 5 Mar 2024 09:12:44 +0100
        Message-ID: <CAHk2xyz+1@mail.gmail.com>
        In-Reply-To: <reply-1@support.company.example>
        References: <first-1@mail.gmail.com> <reply-1@support.company.example>
        Subject: Re: Order 1234 has not arrived
        From: Ana Example <Ana.Example@Example.com>
        To: Company Support <support@company.example>
        Content-Type: multipart/alternative; boundary="000000000000a1b2c3"

        --000000000000a1b2c3
        Content-Type: text/plain; charset="UTF-8"
        Content-Transfer-Encoding: quoted-printable

        Thanks, the tracking number works now. It says it will arrive on Friday.

        Ana

        On Mon, Mar 4, 2024 at 6:01=E2=80=AFPM Company Support <support@company.exa=
        mple> wrote:

        > Hello Ana,
        >
        > your parcel left our warehouse today. Tracking: 1Z999.
        >
        > Best regards,
        > Support
        >

        --000000000000a1b2c3
        Content-Type: text/html; charset="UTF-8"
        Content-Transfer-Encoding: quoted-printable

        <div dir=3D"ltr"><div>Thanks, the tracking number works now. It says it will=
         arrive on Friday.</div><div><br></div><div>Ana</div></div><br><div class=3D=
        "gmail_quote"><div dir=3D"ltr" class=3D"gmail_attr">On Mon, Mar 4, 2024 at 6=
        :01=E2=80=AFPM Company Support &lt;<a href=3D"mailto:support@company.example"=
        >support@company.example</a>&gt; wrote:<br></div><blockquote class=3D"gmail_q=
        uote" style=3D"margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204=
        );padding-left:1ex">Hello Ana,<br><br>your parcel left our warehouse today. T=
        racking: 1Z999.<br><br>Best regards,<br>Support</blockquote></div>

        --000000000000a1b2c3--
        """;

    /// <summary>Outlook for Windows: plain text with an unmarked "From: / Sent:" block, Word HTML with a border-top div.</summary>
    public const string OutlookReply = """
        From: "Bob Builder" <Bob@Builder.example>
        To: "support@company.example" <support@company.example>
        Subject: RE: Invoice question
        Thread-Topic: Invoice question
        Date: Wed, 6 Mar 2024 14:03:10 +0000
        Message-ID: <AM0PR01MB1234ABCD@AM0PR01MB1234.eurprd01.prod.outlook.com>
        In-Reply-To: <reply-7@support.company.example>
        References: <reply-7@support.company.example>
        Content-Language: en-US
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="_000_AM0PR01MB1234_"

        --_000_AM0PR01MB1234_
        Content-Type: text/plain; charset="us-ascii"
        Content-Transfer-Encoding: quoted-printable

        Hi,

        The invoice number is INV-2024-001. Could you resend it as PDF?

        Regards,
        Bob

        ________________________________
        From: Company Support <support@company.example>
        Sent: Tuesday, March 5, 2024 4:00 PM
        To: Bob Builder <Bob@Builder.example>
        Subject: Invoice question

        Hello Bob, which invoice do you mean?

        --_000_AM0PR01MB1234_
        Content-Type: text/html; charset="us-ascii"
        Content-Transfer-Encoding: quoted-printable

        <html xmlns:o=3D"urn:schemas-microsoft-com:office:office">
        <head>
        <meta http-equiv=3D"Content-Type" content=3D"text/html; charset=3Dus-ascii">
        <style><!-- p.MsoNormal {margin:0cm; font-size:11.0pt;} --></style>
        </head>
        <body lang=3D"EN-US" link=3D"#0563C1">
        <div class=3D"WordSection1">
        <p class=3D"MsoNormal">Hi,<o:p></o:p></p>
        <p class=3D"MsoNormal"><o:p>&nbsp;</o:p></p>
        <p class=3D"MsoNormal">The invoice number is INV-2024-001. Could you resend =
        it as PDF?<o:p></o:p></p>
        <p class=3D"MsoNormal"><o:p>&nbsp;</o:p></p>
        <p class=3D"MsoNormal">Regards,<br>Bob<o:p></o:p></p>
        <p class=3D"MsoNormal"><o:p>&nbsp;</o:p></p>
        <div style=3D"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm =
        0cm 0cm">
        <p class=3D"MsoNormal"><b>From:</b> Company Support &lt;support@company.exam=
        ple&gt;<br>
        <b>Sent:</b> Tuesday, March 5, 2024 4:00 PM<br>
        <b>To:</b> Bob Builder &lt;Bob@Builder.example&gt;<br>
        <b>Subject:</b> Invoice question<o:p></o:p></p>
        </div>
        <p class=3D"MsoNormal"><o:p>&nbsp;</o:p></p>
        <p class=3D"MsoNormal">Hello Bob, which invoice do you mean?<o:p></o:p></p>
        </div>
        </body>
        </html>

        --_000_AM0PR01MB1234_--
        """;

    /// <summary>Outlook on the web: HTML only, the trail marked by appendonsend / divRplyFwdMsg, the quoted body as siblings.</summary>
    public const string OutlookWebHtmlOnly = """
        From: Carla <carla@contoso.example>
        To: support@company.example
        Subject: Re: Your subscription
        Date: Thu, 7 Mar 2024 10:15:00 +0000
        Message-ID: <DB9PR02MB5678@DB9PR02MB5678.eurprd02.prod.outlook.com>
        MIME-Version: 1.0
        Content-Type: text/html; charset="iso-8859-1"
        Content-Transfer-Encoding: quoted-printable

        <html><head>
        <meta http-equiv=3D"Content-Type" content=3D"text/html; charset=3Diso-8859-=
        1">
        <style type=3D"text/css" style=3D"display:none;"> P {margin-top:0;margin-bo=
        ttom:0;} </style>
        </head>
        <body dir=3D"ltr">
        <div class=3D"elementToProof" style=3D"font-family: Aptos, sans-serif; font=
        -size: 12pt; color: rgb(0, 0, 0);">Yes, please cancel the subscription. Gr=
        =FC=DFe</div>
        <div id=3D"appendonsend"></div>
        <hr style=3D"display:inline-block;width:98%" tabindex=3D"-1">
        <div id=3D"divRplyFwdMsg" dir=3D"ltr"><font face=3D"Calibri, sans-serif" st=
        yle=3D"font-size:11pt" color=3D"#000000"><b>From:</b> Company Support &lt;s=
        upport@company.example&gt;<br><b>Sent:</b> Thursday, March 7, 2024 10:00<br=
        ><b>To:</b> Carla &lt;carla@contoso.example&gt;<br><b>Subject:</b> Your sub=
        scription</font>
        <div>&nbsp;</div></div>
        <div>Do you want us to cancel it?</div>
        </body></html>
        """;

    /// <summary>Apple Mail: the attribution quoted with the text; in HTML, the attribution inside blockquote type=cite.</summary>
    public const string AppleMailReply = """
        From: Dana <dana@icloud.example>
        Content-Type: multipart/alternative;
        	boundary="Apple-Mail=_1F2E3D4C"
        Mime-Version: 1.0 (Mac OS X Mail 16.0 \(3774.400.31\))
        Subject: Re: Password reset
        Date: Fri, 8 Mar 2024 11:22:33 +0100
        In-Reply-To: <reply-9@support.company.example>
        To: support@company.example
        References: <reply-9@support.company.example>
        Message-Id: <5B1C1E7A-7E1D-4E0B-9C43-3E7A1B2C3D4E@icloud.example>

        --Apple-Mail=_1F2E3D4C
        Content-Transfer-Encoding: 7bit
        Content-Type: text/plain;
        	charset=us-ascii

        It worked, thank you!

        Dana

        > On 7. Mar 2024, at 16:40, Company Support <support@company.example> wrote:
        >
        > Hi Dana, please use the link below to reset your password.
        >


        --Apple-Mail=_1F2E3D4C
        Content-Transfer-Encoding: 7bit
        Content-Type: text/html;
        	charset=us-ascii

        <html><head><meta http-equiv="content-type" content="text/html; charset=us-ascii"></head><body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">It worked, thank you!<div><br></div><div>Dana<br id="lineBreakAtBeginningOfMessage"><div><br><blockquote type="cite"><div>On 7. Mar 2024, at 16:40, Company Support &lt;support@company.example&gt; wrote:</div><br class="Apple-interchange-newline"><div><div>Hi Dana, please use the link below to reset your password.</div></div></blockquote></div><br></div></body></html>
        --Apple-Mail=_1F2E3D4C--
        """;

    /// <summary>A bounce as Postfix writes it: human text, message/delivery-status, and the returned headers.</summary>
    public const string PostfixBounce = """
        Return-Path: <>
        From: Mail Delivery System <MAILER-DAEMON@mx.customer.example>
        To: support@company.example
        Subject: Undelivered Mail Returned to Sender
        Date: Mon, 11 Mar 2024 08:00:01 +0000
        Message-Id: <20240311080001.ABC1234@mx.customer.example>
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status;
        	boundary="ABC1234.1710144001/mx.customer.example"

        --ABC1234.1710144001/mx.customer.example
        Content-Description: Notification
        Content-Type: text/plain; charset=us-ascii

        This is the mail system at host mx.customer.example.

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients.

        <nobody@customer.example>: host mx.customer.example said: 550 5.1.1
            <nobody@customer.example>: Recipient address rejected: User unknown

        --ABC1234.1710144001/mx.customer.example
        Content-Description: Delivery report
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.customer.example
        X-Postfix-Queue-ID: ABC1234
        Arrival-Date: Mon, 11 Mar 2024 08:00:00 +0000

        Final-Recipient: rfc822; Nobody@customer.example
        Original-Recipient: rfc822;nobody@customer.example
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 <nobody@customer.example>: Recipient address
            rejected: User unknown

        --ABC1234.1710144001/mx.customer.example
        Content-Description: Undelivered Message Headers
        Content-Type: text/rfc822-headers

        From: Company Support <support@company.example>
        To: nobody@customer.example
        Subject: Re: Help with my account
        Date: Mon, 11 Mar 2024 07:59:58 +0000
        Message-ID: <reply-42.conv-7f3a@support.company.example>

        --ABC1234.1710144001/mx.customer.example--
        """;

    /// <summary>A delay warning (Action: delayed) that returns the whole message: a bounce, but not a failure yet.</summary>
    public const string DelayedDsnWithReturnedMessage = """
        From: postmaster@relay.example
        To: support@company.example
        Subject: Delivery delayed
        Message-ID: <dsn-delay-1@relay.example>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type="delivery-status"; boundary="R"

        --R
        Content-Type: text/plain

        Delivery to the following recipient has been delayed: slow@customer.example

        --R
        Content-Type: message/delivery-status

        Reporting-MTA: dns; relay.example

        Final-Recipient: rfc822; slow@customer.example
        Action: delayed
        Status: 4.4.7

        --R
        Content-Type: message/rfc822

        From: Company Support <support@company.example>
        To: slow@customer.example
        Subject: Re: Refund
        Message-ID: <reply-77@support.company.example>

        Your refund is on its way.

        --R--
        """;

    /// <summary>An out-of-office answer from Exchange.</summary>
    public const string OutOfOffice = """
        From: Erik Larsen <erik@example.net>
        To: support@company.example
        Subject: Automatic reply: Your ticket #1234
        Date: Tue, 12 Mar 2024 09:00:00 +0100
        Message-ID: <oof-1@example.net>
        Auto-Submitted: auto-replied
        X-Auto-Response-Suppress: All
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        I am out of the office until Monday and will read your mail then.
        """;

    /// <summary>Names and subject in RFC 2047 encoded words, in two charsets.</summary>
    public const string EncodedWords = """
        From: =?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?= <Juergen@Example.DE>
        To: support@company.example
        Subject: =?ISO-8859-1?Q?Bestellung_f=FCr_M=FCnchen?= =?UTF-8?Q?_=E2=80=93_dringend?=
        Date: Wed, 13 Mar 2024 12:00:00 +0100
        Message-ID: <encoded-1@example.de>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        Grüße aus München!
        """;

    /// <summary>
    /// Thunderbird with a logo: mixed { related { alternative { plain, html with cid: }, inline image }, PDF }.
    /// </summary>
    public const string AlternativeWithInlineImageAndAttachment = """
        From: Frank <frank@example.org>
        To: support@company.example
        Subject: Screenshot of the error
        Date: Thu, 14 Mar 2024 15:30:00 +0100
        Message-ID: <tb-1@example.org>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="mixed"

        --mixed
        Content-Type: multipart/related; boundary="related"

        --related
        Content-Type: multipart/alternative; boundary="alt"

        --alt
        Content-Type: text/plain; charset=UTF-8

        The app shows this error (screenshot below), log attached.

        --alt
        Content-Type: text/html; charset=UTF-8

        <p>The app shows this error <b>(screenshot below)</b>, log attached.</p><p><img src="cid:part1.shot@example.org" alt="screenshot"></p>

        --alt--

        --related
        Content-Type: image/png; name="screenshot.png"
        Content-Disposition: inline; filename="screenshot.png"
        Content-ID: <part1.shot@example.org>
        Content-Transfer-Encoding: base64

        iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==

        --related--

        --mixed
        Content-Type: application/pdf; name="app-log.pdf"
        Content-Disposition: attachment; filename="app-log.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0xLjQKJcOkw7zDtsOfCg==

        --mixed--
        """;

    /// <summary>No Message-ID header at all (some scripts and old gateways send these).</summary>
    public static string WithoutMessageId(string body) => $"""
        From: Script <noreply@legacy.example>
        To: support@company.example
        Subject: Nightly report
        Date: Fri, 15 Mar 2024 02:00:00 +0000
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        {body}
        """;
}
