using System.Globalization;
using CsCheck;
using Omnichannel.Channels.Telegram;
using Omnichannel.Core.Validation;

namespace Omnichannel.Channels.Tests.Telegram;

public class TelegramTextSplitterProperties
{
    private const int Iterations = 3_000;

    private static readonly string[] Words = ["a", "ok", "Hallo", "naïve", "e\u0301t\u00E9", "ß", "数据", "שלום", "\u00A0", "10\u00A0km", "https://example.com/x?y=1"];
    private static readonly string[] Emoji = ["😀", "👍🏽", "👨‍👩‍👧‍👦", "🇩🇪", "❤️", "1️⃣", "🏳️‍🌈"];
    private static readonly string[] Separators = [" ", "  ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\t", " \n \n ", "\u2003"];

    private static readonly Gen<string> Token = Gen.Frequency(
        (6, Gen.OneOf(Words.Select(Gen.Const).ToArray())),
        (3, Gen.OneOf(Emoji.Select(Gen.Const).ToArray())),
        (6, Gen.OneOf(Separators.Select(Gen.Const).ToArray())),
        (1, Gen.Char["a-z0-9/"].Array[20, 300].Select(chars => new string(chars))),
        (1, Gen.OneOf(Emoji.Select(Gen.Const).ToArray()).Array[5, 60].Select(string.Concat)),
        (1, Gen.Int[1, 40].Select(n => "a" + new string('\u0301', n))),
        (1, Gen.Int[10, 200].Select(n => new string(' ', n))),
        (1, Gen.String[Gen.Char, 1, 20].Select(Wellformed)));

    private static readonly Gen<string> Text = Token.Array[0, 120].Select(string.Concat);

    private static readonly Gen<int> Limit = Gen.Frequency((4, Gen.Int[2, 40]), (1, Gen.Int[41, 400]));

    [Fact]
    public void Every_message_fits_is_not_blank_and_together_with_the_cut_whitespace_gives_back_the_text()
    {
        Gen.Select(Text, Limit).Sample((text, limit) =>
        {
            var chunks = TelegramTextSplitter.Split(text, limit);

            Assert.All(chunks, chunk =>
            {
                Assert.InRange(chunk.Length, 1, limit);
                Assert.Contains(chunk, c => !IsBreakable(c));
            });

            if (text.Length <= limit && chunks.Count > 0)
            {
                Assert.Equal([text], chunks);
                return;
            }

            var pos = 0;
            foreach (var chunk in chunks)
            {
                pos = SkipBreakable(text, pos);
                Assert.True(string.CompareOrdinal(text, pos, chunk, 0, chunk.Length) == 0, $"chunk {chunk} is not at {pos}");
                pos += chunk.Length;
            }

            Assert.Equal(text.Length, SkipBreakable(text, pos));
        }, iter: Iterations);
    }

    [Fact]
    public void A_text_with_something_to_say_gives_at_least_one_message_and_a_blank_one_none()
    {
        Gen.Select(Text, Limit).Sample((text, limit) =>
        {
            var chunks = TelegramTextSplitter.Split(text, limit);

            Assert.Equal(text.All(IsBreakable), chunks.Count == 0);
        }, iter: Iterations);
    }

    [Fact]
    public void Messages_are_well_formed_unicode_and_end_between_grapheme_clusters_unless_one_cluster_exceeds_the_limit()
    {
        Gen.Select(Text, Limit).Sample((text, limit) =>
        {
            int[] boundaries = [.. StringInfo.ParseCombiningCharacters(text), text.Length];
            foreach (var (chunk, start) in Located(text, TelegramTextSplitter.Split(text, limit)))
            {
                Assert.True(TextRules.IsWellFormedUnicode(chunk), "a surrogate pair was cut");
                var pos = start + chunk.Length;
                var index = Array.BinarySearch(boundaries, pos);
                if (index < 0)
                {
                    var clusterStart = boundaries[~index - 1];
                    var clusterEnd = boundaries[~index];
                    Assert.True(clusterEnd - clusterStart > limit, $"cut inside a cluster of {clusterEnd - clusterStart} code units at {pos}");
                }
            }
        }, iter: Iterations);
    }

    [Fact]
    public void A_word_is_cut_inside_only_when_no_whitespace_was_within_reach()
    {
        Gen.Select(Text, Limit).Sample((text, limit) =>
        {
            foreach (var (chunk, pos) in Located(text, TelegramTextSplitter.Split(text, limit)))
            {
                var end = pos + chunk.Length;
                var cutInsideAWord = end < text.Length && !IsBreakable(text[end]);
                if (cutInsideAWord)
                {
                    // Whitespace after the first character and at most `limit` away would have been the cut instead.
                    var reach = text.AsSpan(pos + 1, Math.Min(limit, text.Length - pos - 1));
                    Assert.DoesNotContain(true, reach.ToArray().Select(IsBreakable));
                }
            }
        }, iter: Iterations);
    }

    [Fact]
    public void At_telegrams_limit_long_texts_need_no_more_messages_than_twice_the_minimum()
    {
        Gen.Select(Token.Array[500, 3_000].Select(string.Concat), Gen.Const(TelegramTextSplitter.MaxMessageLength)).Sample((text, limit) =>
        {
            var chunks = TelegramTextSplitter.Split(text, limit);

            Assert.All(chunks, c => Assert.True(c.Length <= limit));
            // Each cut leaves a message at least half full unless whitespace only allowed less, so this holds for prose.
            Assert.True(chunks.Count <= (2 * ((text.Length + limit - 1) / limit)) + 1, $"{chunks.Count} messages for {text.Length} code units");
        }, iter: 200);
    }

    /// <summary>Where each message starts in the text; the first property checks this walk is exact.</summary>
    private static IEnumerable<(string Chunk, int Start)> Located(string text, IReadOnlyList<string> chunks)
    {
        if (chunks is [var only] && only == text)
        {
            yield return (only, 0);
            yield break;
        }

        var pos = 0;
        foreach (var chunk in chunks)
        {
            pos = SkipBreakable(text, pos);
            yield return (chunk, pos);
            pos += chunk.Length;
        }
    }

    private static bool IsBreakable(char c) => char.IsWhiteSpace(c) && c is not '\u00A0' and not '\u2007' and not '\u202F';

    private static int SkipBreakable(string text, int pos)
    {
        while (pos < text.Length && IsBreakable(text[pos]))
        {
            pos++;
        }

        return pos;
    }

    // Random chars include lone surrogates, which no Telegram text can carry (the JSON reader refuses them).
    private static string Wellformed(string s) =>
        string.Concat(s.EnumerateRunes().Select(r => r.ToString()));
}
