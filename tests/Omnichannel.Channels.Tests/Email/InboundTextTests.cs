using Omnichannel.Channels.Email.Inbound;
using Omnichannel.Core.Validation;

namespace Omnichannel.Channels.Tests.Email;

public class InboundTextTests
{
    [Theory]
    [InlineData("a\0b", "ab")]
    [InlineData("line\r\nnext\rlast", "line\nnext\nlast")]
    [InlineData("tab\tkept\u0007bell\u001bescape\u0085nel", "tab\tkeptbellescapenel")]
    [InlineData("pair \uD83D\uDE00 kept", "pair \uD83D\uDE00 kept")]
    public void Cleaning_removes_what_Core_refuses(string raw, string clean)
    {
        var cleaned = InboundText.CleanMultiline(raw);

        Assert.Equal(clean, cleaned);
        Assert.True(TextRules.IsWellFormedUnicode(cleaned));
    }

    [Fact]
    public void Lone_surrogates_become_replacement_characters()
    {
        // Not an [InlineData]: xUnit's serialization of theory data would mangle lone surrogates before the test sees them.
        (string Raw, string Clean)[] cases =
        [
            ("lone \uD800 high", "lone \uFFFD high"),
            ("lone \uDC00 low", "lone \uFFFD low"),
            ("ends high \uD83D", "ends high \uFFFD"),
            ("\uDE00\uD83D reversed", "\uFFFD\uFFFD reversed"),
        ];

        foreach (var (raw, clean) in cases)
        {
            Assert.Equal(clean, InboundText.CleanMultiline(raw));
        }
    }

    [Fact]
    public void Truncation_ends_with_a_visible_marker_and_fits_the_limit()
    {
        var text = InboundText.Truncate(new string('a', 200), 50, out var truncated);

        Assert.True(truncated);
        Assert.Equal(50, text.Length);
        Assert.EndsWith("\n" + InboundText.TruncationMarker, text);
    }

    [Fact]
    public void Truncation_never_splits_a_surrogate_pair()
    {
        var emoji = string.Concat(Enumerable.Repeat("\uD83D\uDE00", 100));
        for (var max = 20; max < 40; max++)
        {
            var text = InboundText.Truncate(emoji, max, out _);

            Assert.True(text.Length <= max);
            Assert.True(TextRules.IsWellFormedUnicode(text), $"max {max}");
        }
    }

    [Fact]
    public void Short_text_is_not_truncated()
    {
        Assert.Equal("short", InboundText.Truncate("short", 50, out var truncated));
        Assert.False(truncated);
    }

    [Fact]
    public async Task A_huge_body_is_cut_to_the_message_limit_with_the_marker()
    {
        var body = string.Join('\n', Enumerable.Repeat("All work and no play makes Jack a dull boy.", 5000));
        var mapped = await Mail.MapAsync($"From: a@example.com\nMessage-ID: <big@x>\n\n{body}\n");

        Assert.Equal(TextRules.MaxMessageLength, mapped.Message.Text.Length, tolerance: 50);
        Assert.True(mapped.Message.Text.Length <= TextRules.MaxMessageLength);
        Assert.EndsWith("[truncated]", mapped.Message.Text);
        Assert.Contains(mapped.Notes, note => note.StartsWith("Text cut", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_part_beyond_the_byte_limit_is_read_only_up_to_it()
    {
        var mapped = await Mail.MapAsync(
            $"From: a@example.com\nMessage-ID: <bytes@x>\n\n{new string('z', 5000)}\n",
            new EmailMappingOptions { MaxBodyBytes = 1000 });

        Assert.Equal(new string('z', 1000), mapped.Message.Text);
        Assert.Contains(mapped.Notes, note => note.Contains("1000 bytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NUL_characters_and_lone_surrogates_never_reach_the_message()
    {
        // ED A0 80 is a UTF-8-encoded lone surrogate (invalid UTF-8); 00 D8 a lone surrogate in UTF-16LE; &#xD800; one in HTML.
        var utf8 = await Mail.MapAsync(Mail.ParseLatin1(
            "From: a@example.com\nMessage-ID: <s1@x>\nContent-Type: text/plain; charset=utf-8\n\nNUL\u0000here \u00ed\u00a0\u0080 end\n"));
        var utf16 = await Mail.MapAsync(Mail.ParseLatin1(
            "From: a@example.com\nMessage-ID: <s2@x>\nContent-Type: text/plain; charset=utf-16le\nContent-Transfer-Encoding: base64\n\n"
            + Convert.ToBase64String([(byte)'h', 0, (byte)'i', 0, 0x00, 0xD8, (byte)'!', 0]) + "\n"));
        var html = await Mail.MapAsync(
            "From: a@example.com\nMessage-ID: <s3@x>\nContent-Type: text/html; charset=utf-8\n\n<p>x &#xD800; &#0; y</p>\n");

        foreach (var message in new[] { utf8.Message, utf16.Message, html.Message })
        {
            Assert.DoesNotContain('\0', message.Text);
            Assert.True(TextRules.IsWellFormedUnicode(message.Text), message.Text);
            Assert.True(message.Html is null || TextRules.IsWellFormedUnicode(message.Html));
        }

        Assert.Equal("NULhere \uFFFD\uFFFD\uFFFD end", utf8.Message.Text);
        Assert.Equal("hi\uFFFD!", utf16.Message.Text);
    }
}
