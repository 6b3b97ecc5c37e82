using Omnichannel.Channels.Email.Inbound;

namespace Omnichannel.Channels.Tests.Email;

public class HtmlBodyReaderTests
{
    [Fact]
    public void Thunderbirds_attribution_goes_with_the_quote_in_any_language()
    {
        var body = HtmlBodyReader.Read(
            "<p>Danke, erledigt.</p><div class=\"moz-cite-prefix\">Dne 4. 3. 2024 v 18:01 Podpora napsal(a):<br></div>"
            + "<blockquote type=\"cite\" cite=\"mid:reply-1@x\">Prosím potvrďte.</blockquote>",
            isForward: false);

        Assert.Equal("Danke, erledigt.", body.Text);
        Assert.Equal("<p>Danke, erledigt.</p>", body.Html);
        Assert.Equal("Dne 4. 3. 2024 v 18:01 Podpora napsal(a):\n\nProsím potvrďte.", body.Trail);
    }

    [Fact]
    public void Outlooks_reply_marker_cuts_to_the_end_whatever_the_header_language()
    {
        var body = HtmlBodyReader.Read(
            "<div>了解しました。</div><hr><div id=\"divRplyFwdMsg\"><b>差出人:</b> サポート<br><b>送信日時:</b> 2024年3月4日</div><div>ご確認ください。</div>",
            isForward: false);

        Assert.Equal("了解しました。", body.Text);
        Assert.Equal("<div>了解しました。</div>", body.Html);
        Assert.Contains("ご確認ください。", body.Trail);
    }

    [Fact]
    public void Inline_answers_between_cite_blockquotes_are_kept()
    {
        var html = "<blockquote type=\"cite\">Which order?</blockquote><p>Order 1234.</p>"
            + "<blockquote type=\"cite\">Which address?</blockquote><p>Main Street 1.</p>";

        var body = HtmlBodyReader.Read(html, isForward: false);

        Assert.Equal("Which order?\n\nOrder 1234.\n\nWhich address?\n\nMain Street 1.", body.Text);
        Assert.Null(body.Trail);
        Assert.Contains("Which address?", body.Html);
    }

    [Fact]
    public void A_forward_wrapped_in_gmail_quote_is_content()
    {
        var body = HtmlBodyReader.Read(
            "<div>See below, the price is wrong.</div><br><div class=\"gmail_quote\"><div class=\"gmail_attr\">---------- Forwarded message ---------<br>"
            + "From: Shop &lt;orders@shop.example&gt;<br>Date: Mon, 4 Mar 2024<br></div><br>Total: 120 EUR</div>",
            isForward: false);

        Assert.Contains("Total: 120 EUR", body.Text);
        Assert.Contains("Total: 120 EUR", body.Html);
        Assert.Null(body.Trail);
    }

    [Fact]
    public void A_body_that_is_all_quote_is_kept_whole()
    {
        var body = HtmlBodyReader.Read("<div class=\"gmail_quote\">On Mon, Support wrote:<blockquote>Hello?</blockquote></div>", isForward: false);

        Assert.Equal("On Mon, Support wrote:\n\nHello?", body.Text);
        Assert.Null(body.Trail);
        Assert.Contains("Hello?", body.Html);
    }

    [Fact]
    public void A_forward_subject_keeps_every_quote()
    {
        var body = HtmlBodyReader.Read("<p>FYI</p><blockquote type=\"cite\">Original text</blockquote>", isForward: true);

        Assert.Equal("FYI\n\nOriginal text", body.Text);
        Assert.Null(body.Trail);
    }

    [Fact]
    public void A_trail_that_starts_in_the_middle_of_a_text_node_is_cut_there()
    {
        var body = HtmlBodyReader.Read(
            "<div>Thanks!<br><br>-----Original Message-----<br>From: Support<br>Hello</div>",
            isForward: false);

        Assert.Equal("Thanks!", body.Text);
        Assert.Equal("<div>Thanks!</div>", body.Html);
        Assert.Equal("-----Original Message-----\nFrom: Support\nHello", body.Trail);
    }
}
