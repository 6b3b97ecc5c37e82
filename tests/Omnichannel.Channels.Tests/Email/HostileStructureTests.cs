using Omnichannel.Channels.Email.Inbound;

namespace Omnichannel.Channels.Tests.Email;

/// <summary>Mail built to make parsing slow or deep must map quickly, keeping its text and dropping only the markup.</summary>
public class HostileStructureTests
{
    [Fact(Timeout = 30_000)]
    public async Task HTML_nested_two_hundred_thousand_levels_deep_keeps_its_text_but_not_its_markup()
    {
        var html = "<p>Hello</p>" + string.Concat(Enumerable.Repeat("<div>", 200_000)) + "deep" + string.Concat(Enumerable.Repeat("</div>", 200_000));

        var mapped = await Mail.MapAsync($"From: a@example.com\nMessage-ID: <deep@x>\nContent-Type: text/html\n\n{html}\n");

        Assert.Equal("Hello\ndeep", mapped.Message.Text);
        Assert.Null(mapped.Message.Html);
        Assert.Contains(mapped.Notes, note => note.Contains("nested deeper than 512 levels", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task HTML_with_hundreds_of_thousands_of_elements_keeps_its_text_but_not_its_markup()
    {
        var html = "<p>Hello</p>" + string.Concat(Enumerable.Repeat("<span></span>", 300_000)) + "<p>Bye</p>";

        var mapped = await Mail.MapAsync($"From: a@example.com\nMessage-ID: <wide@x>\nContent-Type: text/html\n\n{html}\n");

        Assert.Equal("Hello\n\nBye", mapped.Message.Text);
        Assert.Null(mapped.Message.Html);
        Assert.Contains(mapped.Notes, note => note.Contains("more than 25000 elements", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nesting_a_real_mail_uses_is_kept()
    {
        var html = "<p>Hello</p>" + string.Concat(Enumerable.Repeat("<table><tr><td>", 60)) + "deep" + string.Concat(Enumerable.Repeat("</td></tr></table>", 60));

        var mapped = await Mail.MapAsync($"From: a@example.com\nMessage-ID: <tables@x>\nContent-Type: text/html\n\n{html}\n");

        Assert.NotNull(mapped.Message.Html);
        Assert.Contains("deep", mapped.Message.Html);
    }

    [Fact(Timeout = 30_000)]
    public async Task Ten_thousand_text_parts_are_read_within_the_body_budget()
    {
        var parts = string.Concat(Enumerable.Range(0, 10_000).Select(i => $"--b\nContent-Type: text/plain\n\n{new string('x', 1000)} {i}\n"));
        var mapped = await Mail.MapAsync(
            $"From: a@example.com\nMessage-ID: <parts@x>\nContent-Type: multipart/mixed; boundary=\"b\"\n\n{parts}--b--\n",
            new EmailMappingOptions { MaxBodyBytes = 100_000 });

        Assert.True(mapped.Message.Text.Length <= 110_000);
        Assert.Contains(mapped.Notes, note => note.Contains("not read", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<p>One</p><p>Two &amp; three</p><script>alert(1)</script><!-- c --><br>Four", "One\nTwo & three\nFour")]
    [InlineData("a < b and <b>bold</b>", "a < b and bold")]
    public void Markup_too_deep_to_parse_still_gives_its_text(string html, string text)
    {
        Assert.Equal(text, HtmlMarkupScanner.Text(html));
    }

    [Theory]
    [InlineData("<p><p><p><li><li><br><img><hr><input>", false)]
    [InlineData("<div><div><div></div></div></div>", false)]
    [InlineData("<div><div><div><div>", true)]
    [InlineData("<script><div><div><div><div></script>", false)]
    [InlineData("<!-- <div><div><div><div> -->", false)]
    public void Nesting_is_estimated_from_the_markup(string html, bool deeperThanThree)
    {
        Assert.Equal(deeperThanThree, HtmlMarkupScanner.NestsDeeperThan(html, 3));
    }
}
