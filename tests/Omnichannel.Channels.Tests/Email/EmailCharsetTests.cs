namespace Omnichannel.Channels.Tests.Email;

public class EmailCharsetTests
{
    [Fact]
    public async Task An_unknown_declared_charset_reads_valid_UTF8_as_UTF8_and_says_so_in_the_notes()
    {
        var mapped = await Mail.MapAsync("""
            From: a@example.com
            Message-ID: <foo-1@x>
            Content-Type: text/plain; charset=foo-bar
            Content-Transfer-Encoding: 8bit

            Grüße, Ёлка, 日本
            """);

        Assert.Equal("Grüße, Ёлка, 日本", mapped.Message.Text);
        Assert.Contains(mapped.Notes, note => note.Contains("foo-bar", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_declared_charset_over_bytes_that_are_not_UTF8_falls_back_to_Windows_1252()
    {
        var mapped = await Mail.MapAsync(Mail.ParseLatin1(
            "From: a@example.com\nMessage-ID: <foo-2@x>\nContent-Type: text/plain; charset=\"foo-bar\"\n"
            + "Content-Transfer-Encoding: 8bit\n\nCaf\u00e9 \u0093quoted\u0094 \u0080 5\n"));

        Assert.Equal("Café “quoted” € 5", mapped.Message.Text);
    }

    [Fact]
    public async Task A_declared_charset_that_lies_yields_replacement_characters_not_an_exception()
    {
        var mapped = await Mail.MapAsync(Mail.ParseLatin1(
            "From: a@example.com\nMessage-ID: <lie-1@x>\nContent-Type: text/plain; charset=utf-8\n"
            + "Content-Transfer-Encoding: 8bit\n\nCaf\u00e9 \u00ff\u00fe\n"));

        Assert.Equal("Caf\uFFFD \uFFFD\uFFFD", mapped.Message.Text);
    }

    [Fact]
    public async Task Windows_1251_body_subject_and_name_are_decoded()
    {
        // "Привет" in windows-1251 is CF F0 E8 E2 E5 F2; the name is an encoded word in the same charset.
        var mapped = await Mail.MapAsync(Mail.ParseLatin1(
            "From: =?windows-1251?B?yOLg7SDP5fLw7uI=?= <ivan@example.ru>\n"
            + "Subject: =?windows-1251?Q?=C7=E0=EA=E0=E7_123?=\n"
            + "Message-ID: <cp1251-1@example.ru>\n"
            + "Content-Type: text/plain; charset=windows-1251\n"
            + "Content-Transfer-Encoding: 8bit\n\n"
            + "\u00cf\u00f0\u00e8\u00e2\u00e5\u00f2! \u00c3\u00e4\u00e5 \u00ec\u00ee\u00e9 \u00e7\u00e0\u00ea\u00e0\u00e7?\n"));

        Assert.Equal("Иван Петров", mapped.Message.SenderName);
        Assert.Equal("Заказ 123", mapped.Message.Subject);
        Assert.Equal("Привет! Где мой заказ?", mapped.Message.Text);
        Assert.Empty(mapped.Notes);
    }

    [Fact]
    public async Task ISO_2022_JP_body_subject_and_name_are_decoded()
    {
        var mapped = await Mail.MapAsync(Mail.ParseLatin1(
            "From: =?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?= <taro@example.jp>\n"
            + "Subject: =?ISO-2022-JP?B?GyRCJEskWyRzJDQbKEI=?=\n"
            + "Message-ID: <jis-1@example.jp>\n"
            + "MIME-Version: 1.0\n"
            + "Content-Type: text/plain; charset=ISO-2022-JP\n"
            + "Content-Transfer-Encoding: 7bit\n\n"
            + "\u001b$B$3$s$K$A$O\u001b(B\n"));

        Assert.Equal("テスト", mapped.Message.SenderName);
        Assert.Equal("にほんご", mapped.Message.Subject);
        Assert.Equal("こんにちは", mapped.Message.Text);
    }

    [Fact]
    public async Task An_encoded_word_in_an_unknown_charset_does_not_throw()
    {
        var mapped = await Mail.MapAsync("""
            From: =?foo-bar?Q?Bj=C3=B6rn?= <bjorn@example.se>
            Subject: =?x-unknown?B?SGVsbG8=?=
            Message-ID: <unknown-word@x>

            Hej
            """);

        Assert.Equal("bjorn@example.se", mapped.Message.Sender.Value);
        Assert.NotNull(mapped.Message.SenderName);
        Assert.NotNull(mapped.Message.Subject);
    }

    [Fact]
    public async Task Raw_8bit_UTF8_headers_are_read_as_UTF8()
    {
        var mapped = await Mail.MapAsync("""
            From: Zoë Ångström <zoe@example.com>
            Subject: Überweisung fehlgeschlagen
            Message-ID: <raw8@x>
            Content-Type: text/plain; charset=utf-8

            Hallo
            """);

        Assert.Equal("Zoë Ångström", mapped.Message.SenderName);
        Assert.Equal("Überweisung fehlgeschlagen", mapped.Message.Subject);
    }

    [Fact]
    public async Task A_flowed_plain_text_part_is_unwrapped()
    {
        var mapped = await Mail.MapAsync("From: a@example.com\nMessage-ID: <flowed@x>\nContent-Type: text/plain; charset=utf-8; format=flowed\n\nThis paragraph was \nwrapped by the client.\n\nSecond one.\n");

        Assert.Equal("This paragraph was wrapped by the client.\n\nSecond one.", mapped.Message.Text);
    }
}
