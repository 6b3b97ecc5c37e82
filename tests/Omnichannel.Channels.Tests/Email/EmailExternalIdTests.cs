using Omnichannel.Channels.Email.Inbound;
using static Omnichannel.Channels.Tests.Email.EmailSamples;

namespace Omnichannel.Channels.Tests.Email;

public class EmailExternalIdTests
{
    [Fact]
    public async Task A_mail_without_Message_ID_gets_the_same_hash_every_time_it_is_parsed()
    {
        var first = await Mail.MapAsync(WithoutMessageId("All jobs succeeded."));
        var second = await Mail.MapAsync(WithoutMessageId("All jobs succeeded."));

        Assert.Null(first.Metadata.MessageId);
        Assert.Matches("^sha256:[0-9a-f]{64}$", first.Message.ExternalId);
        Assert.Equal(first.Message.ExternalId, second.Message.ExternalId);
    }

    [Fact]
    public async Task Different_bodies_subjects_dates_or_senders_give_different_hashes()
    {
        var baseline = (await Mail.MapAsync(WithoutMessageId("All jobs succeeded."))).Message.ExternalId;
        string[] variants =
        [
            WithoutMessageId("Two jobs failed."),
            WithoutMessageId("All jobs succeeded.").Replace("Subject: Nightly report", "Subject: Weekly report"),
            WithoutMessageId("All jobs succeeded.").Replace("02:00:00", "02:00:01"),
            WithoutMessageId("All jobs succeeded.").Replace("noreply@legacy.example", "other@legacy.example"),
        ];

        foreach (var variant in variants)
        {
            Assert.NotEqual(baseline, (await Mail.MapAsync(variant)).Message.ExternalId);
        }
    }

    [Fact]
    public async Task Header_case_folding_and_whitespace_do_not_change_the_hash()
    {
        var baseline = (await Mail.MapAsync(WithoutMessageId("All jobs succeeded."))).Message.ExternalId;
        var refolded = WithoutMessageId("All jobs succeeded.")
            .Replace("From: Script <noreply@legacy.example>", "From: \"Script\" <NoReply@Legacy.example>")
            .Replace("Subject: Nightly report", "Subject: Nightly\n  report");

        Assert.Equal(baseline, (await Mail.MapAsync(refolded)).Message.ExternalId);
    }

    [Fact]
    public async Task The_ingest_can_compute_the_id_before_mapping_to_skip_known_mail()
    {
        var splitTextWithoutId = "From: a@example.com\nContent-Type: multipart/mixed; boundary=\"b\"\n\n"
            + "--b\nContent-Type: text/plain\n\nBefore.\n--b\nContent-Type: image/png\n\nx\n--b\nContent-Type: text/plain\n\nAfter.\n--b--\n";
        foreach (var raw in new[] { GmailReply, WithoutMessageId("x"), AlternativeWithInlineImageAndAttachment, splitTextWithoutId })
        {
            var message = Mail.Parse(raw);
            Assert.Equal((await Mail.MapAsync(message)).Message.ExternalId, EmailExternalId.For(message));
        }
    }

    [Theory]
    [InlineData("<abc@example.com>", "abc@example.com")]
    [InlineData("  <abc@example.com>  ", "abc@example.com")]
    [InlineData("abc@example.com", "abc@example.com")]
    [InlineData("<>", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("<a b@example.com>", null)]
    public void Message_IDs_lose_their_angle_brackets_and_unusable_ones_are_refused(string? raw, string? clean)
    {
        Assert.Equal(clean, EmailExternalId.CleanMessageId(raw));
    }

    [Fact]
    public async Task A_Message_ID_too_long_for_a_key_is_replaced_by_the_hash()
    {
        var mapped = await Mail.MapAsync($"From: a@example.com\nMessage-ID: <{new string('x', 600)}@example.com>\n\nHi\n");

        Assert.StartsWith(EmailExternalId.HashPrefix, mapped.Message.ExternalId);
        Assert.Null(mapped.Metadata.MessageId);
    }
}
