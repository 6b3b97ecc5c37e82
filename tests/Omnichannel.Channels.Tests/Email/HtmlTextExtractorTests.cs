using AngleSharp.Html.Parser;
using Omnichannel.Channels.Email.Inbound;

namespace Omnichannel.Channels.Tests.Email;

public class HtmlTextExtractorTests
{
    [Theory]
    [InlineData("<p>One</p><p>Two</p>", "One\n\nTwo")]
    [InlineData("Line one<br>Line two<br><br>After a blank line", "Line one\nLine two\n\nAfter a blank line")]
    [InlineData("<ul><li>Apples</li><li>Pears</li></ul><p>Done</p>", "- Apples\n- Pears\n\nDone")]
    [InlineData("<div>A</div><div>B</div>", "A\nB")]
    [InlineData("<h1>Title</h1>Text", "Title\n\nText")]
    [InlineData("<p>  lots   of\n\n   space  </p>", "lots of space")]
    [InlineData("Hello&nbsp;&nbsp;world &amp; you", "Hello world & you")]
    [InlineData("<pre>  keep\n    this</pre>", "  keep\n    this")]
    [InlineData("<table><tr><td>Name</td><td>Ana</td></tr><tr><td>Order</td><td>1234</td></tr></table>", "Name Ana\nOrder 1234")]
    [InlineData("<b>bold</b> and <i>italic</i> stay inline", "bold and italic stay inline")]
    [InlineData("Logo: <img src=\"cid:x\" alt=\"Company\"> <img src=\"cid:y\">", "Logo: [image: Company]")]
    public void Blocks_breaks_and_lists_keep_their_lines(string html, string text)
    {
        Assert.Equal(text, Extract(html));
    }

    [Fact]
    public void What_is_never_shown_is_never_text()
    {
        var html = "<html><head><title>T</title><style>p{color:red}</style></head><body><script>alert(1)</script>"
            + "<p>Visible</p><template>hidden</template><noscript>no</noscript><!-- comment --></body></html>";

        Assert.Equal("Visible", Extract(html));
    }

    private static string Extract(string html) => HtmlTextExtractor.Extract(new HtmlParser().ParseDocument(html).Body!);
}
