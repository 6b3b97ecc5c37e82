using Omnichannel.Channels.Telegram;

namespace Omnichannel.Channels.Tests.Telegram;

public class TelegramTextSplitterTests
{
    [Fact]
    public void A_text_that_fits_is_one_message_exactly_as_written()
    {
        const string Text = "  Hello,\n\nyour order ships today.  ";

        Assert.Equal([Text], TelegramTextSplitter.Split(Text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\n\t \r\n")]
    public void A_blank_text_is_no_message(string text) => Assert.Empty(TelegramTextSplitter.Split(text));

    [Fact]
    public void A_long_reply_is_cut_at_paragraphs_into_messages_telegram_accepts()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("Lorem ipsum dolor sit amet.", 60)); // 1679 characters
        var text = string.Join("\n\n", Enumerable.Repeat(paragraph, 6));

        var chunks = TelegramTextSplitter.Split(text);

        Assert.Equal([paragraph + "\n\n" + paragraph, paragraph + "\n\n" + paragraph, paragraph + "\n\n" + paragraph], chunks);
        Assert.All(chunks, c => Assert.True(c.Length <= TelegramTextSplitter.MaxMessageLength));
    }

    [Fact]
    public void A_paragraph_break_wins_over_a_later_line_break_when_the_message_is_at_least_half_full()
    {
        Assert.Equal(["aaaaaa", "bb\ncc"], TelegramTextSplitter.Split("aaaaaa\n\nbb\ncc", 10));
    }

    [Fact]
    public void A_paragraph_break_in_the_first_half_loses_to_a_later_line_break()
    {
        Assert.Equal(["aa\n\nbbbbb", "cc"], TelegramTextSplitter.Split("aa\n\nbbbbb\ncc", 10));
    }

    [Fact]
    public void A_line_break_wins_over_a_later_space()
    {
        Assert.Equal(["aaaaa b", "c dd ee"], TelegramTextSplitter.Split("aaaaa b\nc dd ee", 10));
    }

    [Fact]
    public void Without_line_breaks_it_cuts_at_the_last_space_that_fits()
    {
        Assert.Equal(["one two", "three four", "five"], TelegramTextSplitter.Split("one two three four five", 10));
    }

    [Fact]
    public void A_cut_exactly_at_the_limit_uses_the_whitespace_there()
    {
        Assert.Equal(["abcde", "fgh"], TelegramTextSplitter.Split("abcde fgh", 5));
    }

    [Fact]
    public void Only_a_word_longer_than_the_limit_is_cut_inside()
    {
        Assert.Equal(["see", "https://exa", "mple.com/a/", "very/long/p", "ath"], TelegramTextSplitter.Split("see https://example.com/a/very/long/path", 11));
    }

    [Fact]
    public void An_emoji_is_never_cut_between_its_surrogates()
    {
        Assert.Equal(["😀", "😀", "😀"], TelegramTextSplitter.Split("😀😀😀", 3));
    }

    [Fact]
    public void Grapheme_clusters_stay_whole_when_they_fit()
    {
        const string Family = "👨‍👩‍👧‍👦"; // 11 UTF-16 code units joined by zero-width joiners
        const string Accented = "e\u0301"; // é as e plus a combining accent

        Assert.Equal([Family, Family], TelegramTextSplitter.Split(Family + Family, 12));
        Assert.Equal(["e\u0301e\u0301", "e\u0301"], TelegramTextSplitter.Split(Accented + Accented + Accented, 5));
    }

    [Fact]
    public void A_cluster_longer_than_the_limit_is_cut_between_code_points()
    {
        var zalgo = "a" + new string('\u0301', 9);

        var chunks = TelegramTextSplitter.Split(zalgo, 4);

        Assert.Equal(zalgo, string.Concat(chunks));
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 4));
    }

    [Fact]
    public void A_no_break_space_holds_its_words_together()
    {
        Assert.Equal(["a b", "10\u00A0km"], TelegramTextSplitter.Split("a b 10\u00A0km", 6));
    }

    [Fact]
    public void Whitespace_at_a_cut_belongs_to_no_message()
    {
        Assert.Equal(["first", "second"], TelegramTextSplitter.Split("  first" + new string(' ', 30) + "\n\n\n  second", 8));
    }

    [Fact]
    public void Limits_below_two_are_refused_because_a_surrogate_pair_could_not_be_sent()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TelegramTextSplitter.Split("abc", 1));
    }
}
