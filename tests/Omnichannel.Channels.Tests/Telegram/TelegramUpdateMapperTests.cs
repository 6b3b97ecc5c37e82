using Omnichannel.Channels.Telegram;
using Omnichannel.Core.Features;
using Omnichannel.Core.Model;
using Telegram.Bot.Types.Enums;
using static Omnichannel.Channels.Tests.Telegram.TelegramUpdateSamples;

namespace Omnichannel.Channels.Tests.Telegram;

public class TelegramUpdateMapperTests
{
    private const string BotName = "acme-support";
    private const string Queue = "tier1";

    [Fact]
    public void A_private_text_message_becomes_a_message_from_the_user_in_the_chat_thread()
    {
        var (message, meta) = Mapped(PrivateText);

        Assert.Equal(ChannelNames.Telegram, message.Channel);
        Assert.Equal(BotName, message.Account);
        Assert.Equal(Queue, message.Queue);
        Assert.Equal("111111111:42", message.ExternalId);
        Assert.Equal(new ContactIdentity(IdentityKinds.Telegram, "111111111"), message.Sender);
        Assert.Equal("Ana Silva", message.SenderName);
        Assert.Equal("Hallo! Meine Bestellung #4711 ist noch nicht angekommen.", message.Text);
        Assert.Null(message.Html);
        Assert.Null(message.Subject);
        Assert.Equal("chat:111111111", message.ThreadKey);
        Assert.Empty(message.Attachments);

        Assert.Equal(815000101, meta.UpdateId);
        Assert.Equal(AnaId, meta.ChatId);
        Assert.Equal(42, meta.MessageId);
        Assert.Equal(ChatType.Private, meta.ChatType);
        Assert.Null(meta.ChatTitle);
        Assert.Equal(AnaId, meta.UserId);
        Assert.Equal("ana_silva", meta.Username);
        Assert.Equal("de", meta.LanguageCode);
        Assert.Equal(MessageType.Text, meta.ContentType);
        Assert.False(meta.IsEdit);
        Assert.Null(meta.EditedExternalId);
        Assert.Equal(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), meta.SentAt);
        Assert.Null(meta.EditedAt);
        Assert.Null(meta.StartPayload);
        Assert.Empty(meta.Media);
    }

    [Fact]
    public void Text_with_entities_is_kept_as_sent_and_no_html_is_made()
    {
        var (message, _) = Mapped(PrivateTextWithEntities);

        Assert.Equal("Please check order 4711 urgently, details here and email me at ana@example.com", message.Text);
        Assert.Null(message.Html);
    }

    [Fact]
    public void A_group_message_lands_in_the_group_conversation_with_its_sender_as_the_contact()
    {
        var (message, meta) = Mapped(GroupText);

        Assert.Equal($"chat:{BasicGroupId}", message.ThreadKey);
        Assert.Equal($"{BasicGroupId}:7", message.ExternalId);
        Assert.Equal(new ContactIdentity(IdentityKinds.Telegram, "222222222"), message.Sender);
        Assert.Equal("Ben", message.SenderName);
        Assert.Equal("Acme Partners", message.Subject);
        Assert.Equal("/help@AcmeSupportBot the invoice PDF won't open", message.Text);
        Assert.Equal(ChatType.Group, meta.ChatType);
        Assert.Equal("Acme Partners", meta.ChatTitle);
        Assert.Null(meta.Username);
    }

    [Fact]
    public void A_supergroup_reply_keeps_the_message_it_answers_and_its_forum_topic()
    {
        var (message, meta) = Mapped(SupergroupReply);

        Assert.Equal($"chat:{SupergroupId}", message.ThreadKey);
        Assert.Equal($"{SupergroupId}:1503", message.ExternalId);
        Assert.Equal("Acme Customers", message.Subject);
        Assert.Equal("@AcmeSupportBot it is 4711", message.Text);
        Assert.Equal(ChatType.Supergroup, meta.ChatType);
        Assert.Equal(1502, meta.ReplyToMessageId);
        Assert.Equal(1490, meta.MessageThreadId);
    }

    [Fact]
    public void Two_senders_in_one_group_share_the_conversation_but_not_the_contact()
    {
        var (ben, _) = Mapped(GroupText);
        var (ana, _) = Mapped(GroupText.Replace("""{"id":222222222,"is_bot":false,"first_name":"Ben","language_code":"en"}""",
            """{"id":111111111,"is_bot":false,"first_name":"Ana"}""", StringComparison.Ordinal));

        Assert.Equal(ben.ThreadKey, ana.ThreadKey);
        Assert.NotEqual(ben.Sender, ana.Sender);
    }

    [Fact]
    public void An_edit_is_stored_once_per_edit_under_its_own_id_and_points_at_the_original()
    {
        var (original, _) = Mapped(PrivateText);
        var (edit, meta) = Mapped(EditedMessage);

        Assert.Equal("111111111:42:edit:1767225900", edit.ExternalId);
        Assert.Equal(original.ThreadKey, edit.ThreadKey);
        Assert.Equal("Hallo! Meine Bestellung #4712 ist noch nicht angekommen.", edit.Text);
        Assert.True(meta.IsEdit);
        Assert.Equal(original.ExternalId, meta.EditedExternalId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767225900), meta.EditedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767225600), meta.SentAt);
    }

    [Fact]
    public void An_edited_caption_keeps_the_photo_to_fetch()
    {
        var (message, meta) = Mapped(EditedCaption);

        Assert.Equal("111111111:44:edit:1767226000", message.ExternalId);
        Assert.Equal("The box arrived like this, see the corner", message.Text);
        Assert.Equal("AgACAgIAAxkBAAMsZ2Vh0t-y4", Assert.Single(meta.Media).FileId);
    }

    [Fact]
    public void A_photo_with_a_caption_takes_the_caption_as_text_and_the_largest_size_to_fetch()
    {
        var (message, meta) = Mapped(PhotoWithCaption);

        Assert.Equal("The box arrived like this", message.Text);
        Assert.Equal(MessageType.Photo, meta.ContentType);
        var photo = Assert.Single(meta.Media);
        Assert.Equal(new TelegramMediaFile(TelegramMediaKind.Photo, "AgACAgIAAxkBAAMsZ2Vh0t-y4", "AQADyK0xG1z", 161230, "photo_AQADyK0xG1z.jpg", "image/jpeg"), photo);
    }

    [Fact]
    public void A_photo_without_a_caption_still_opens_a_conversation_with_a_label()
    {
        var (message, meta) = Mapped(PhotoWithoutCaption);

        Assert.Equal("[photo]", message.Text);
        Assert.Equal("13912345678901234", meta.MediaGroupId);
        // The sizes arrive out of order here; the largest is still the one fetched.
        Assert.Equal("AgACAgQAAxkBAAMBZ2Vh1a-y4", Assert.Single(meta.Media).FileId);
        Assert.Empty(new IngestMessage(message).Validate());
    }

    [Fact]
    public void A_document_keeps_its_name_and_type()
    {
        var (message, meta) = Mapped(Document);

        Assert.Equal("[document report.pdf]", message.Text);
        Assert.Equal(
            new TelegramMediaFile(TelegramMediaKind.Document, "BQACAgIAAxkBAAMtZ2Vh2m-doc", "AgADnDkAAk1", 183412, "report.pdf", "application/pdf"),
            Assert.Single(meta.Media));
    }

    [Fact]
    public void A_voice_message_is_labelled_with_its_length()
    {
        var (message, meta) = Mapped(Voice);

        Assert.Equal("[voice message 0:07]", message.Text);
        Assert.Equal(
            new TelegramMediaFile(TelegramMediaKind.Voice, "AwACAgIAAxkBAAMuZ2Vh3v-oice", "AgADoDkAAk1", 16532, "voice_AgADoDkAAk1.ogg", "audio/ogg"),
            Assert.Single(meta.Media));
    }

    [Fact]
    public void A_video_is_labelled_with_its_length_and_keeps_its_file_name()
    {
        var (message, meta) = Mapped(Video);

        Assert.Equal("[video 1:23]", message.Text);
        Assert.Equal(
            new TelegramMediaFile(TelegramMediaKind.Video, "BAACAgIAAxkBAAMvZ2Vh3-video", "AgADoTkAAk1", 5829381, "IMG_2041.MOV", "video/quicktime"),
            Assert.Single(meta.Media));
    }

    [Fact]
    public void A_sticker_is_its_emoji_and_an_image()
    {
        var (message, meta) = Mapped(Sticker);

        Assert.Equal("[sticker 😀]", message.Text);
        Assert.Equal(
            new TelegramMediaFile(TelegramMediaKind.Sticker, "CAACAgIAAxkBAAMwZ2Vh3-stkr", "AgADAgADwDcY", 24716, "sticker_AgADAgADwDcY.webp", "image/webp"),
            Assert.Single(meta.Media));
    }

    [Fact]
    public void An_animated_sticker_is_only_a_label_because_nothing_in_the_inbox_plays_lottie()
    {
        var (message, meta) = Mapped(AnimatedSticker);

        Assert.Equal("[sticker 🎉]", message.Text);
        Assert.Empty(meta.Media);
    }

    [Fact]
    public void A_gif_is_fetched_once_although_telegram_also_sends_it_as_a_document()
    {
        var (message, meta) = Mapped(Animation);

        Assert.Equal("[GIF]", message.Text);
        var file = Assert.Single(meta.Media);
        Assert.Equal(TelegramMediaKind.Animation, file.Kind);
        Assert.Equal("giphy.mp4", file.FileName);
    }

    [Fact]
    public void A_location_shows_its_coordinates()
    {
        var (message, meta) = Mapped(Location);

        Assert.Equal("[location 52.52001, 13.40495]", message.Text);
        Assert.Empty(meta.Media);
    }

    [Fact]
    public void A_shared_contact_shows_name_and_phone_number()
    {
        var (message, _) = Mapped(SharedContact);

        Assert.Equal("[contact: Ana Silva +491701234567]", message.Text);
    }

    [Fact]
    public void Start_with_a_deep_link_payload_records_it()
    {
        var (message, meta) = Mapped(StartWithPayload);

        Assert.Equal("/start spring-sale_2026", message.Text);
        Assert.Equal("spring-sale_2026", meta.StartPayload);
    }

    [Fact]
    public void A_message_with_content_newer_than_the_library_but_a_caption_is_kept_by_its_caption()
    {
        var (message, meta) = Mapped(FutureMessageContentWithCaption);

        Assert.Equal("This is what the device shows", message.Text);
        Assert.Equal(MessageType.Unknown, meta.ContentType);
        Assert.Empty(meta.Media);
    }

    [Theory]
    [InlineData(nameof(PrivateText))]
    [InlineData(nameof(PrivateTextWithEntities))]
    [InlineData(nameof(GroupText))]
    [InlineData(nameof(SupergroupReply))]
    [InlineData(nameof(EditedMessage))]
    [InlineData(nameof(PhotoWithCaption))]
    [InlineData(nameof(PhotoWithoutCaption))]
    [InlineData(nameof(Document))]
    [InlineData(nameof(Voice))]
    [InlineData(nameof(Video))]
    [InlineData(nameof(Sticker))]
    [InlineData(nameof(AnimatedSticker))]
    [InlineData(nameof(Location))]
    [InlineData(nameof(SharedContact))]
    [InlineData(nameof(StartWithPayload))]
    [InlineData(nameof(Animation))]
    [InlineData(nameof(EditedCaption))]
    [InlineData(nameof(FutureMessageContentWithCaption))]
    public void Every_mapped_sample_passes_the_ingest_validation(string sample)
    {
        var (message, _) = Mapped((string)typeof(TelegramUpdateSamples).GetField(sample)!.GetValue(null)!);

        Assert.Empty(new IngestMessage(message).Validate());
    }

    [Fact]
    public void Names_and_titles_lose_control_characters_so_the_store_accepts_them()
    {
        var json = GroupText
            .Replace("\"first_name\":\"Ben\"", "\"first_name\":\"Ben\\nNew line\",\"last_name\":\"\\u0007Bell\"", StringComparison.Ordinal)
            .Replace("\"title\":\"Acme Partners\"", "\"title\":\"Acme\\r\\nPartners\"", StringComparison.Ordinal);

        var (message, _) = Mapped(json);

        Assert.Equal("Ben New line Bell", message.SenderName);
        Assert.Equal("Acme Partners", message.Subject);
        Assert.Empty(new IngestMessage(message).Validate());
    }

    [Fact]
    public void A_document_name_with_a_path_keeps_only_the_file_name()
    {
        var json = Document.Replace("\"file_name\":\"report.pdf\"", "\"file_name\":\"..\\/..\\/etc\\/passwd\"", StringComparison.Ordinal)
            .Replace("\"mime_type\":\"application/pdf\"", "\"mime_type\":\"text/html; charset=utf-8\\r\\nX-Evil: 1\"", StringComparison.Ordinal);

        var (message, meta) = Mapped(json);

        var file = Assert.Single(meta.Media);
        Assert.Equal("passwd", file.FileName);
        Assert.Equal("application/octet-stream", file.ContentType);
        Assert.Equal("[document passwd]", message.Text);
    }

    [Fact]
    public void Mapping_needs_a_bot_name_and_a_queue()
    {
        var update = TelegramUpdateJson.Parse(PrivateText);

        Assert.Throws<ArgumentException>(() => TelegramUpdateMapper.Map(update, " ", Queue));
        Assert.Throws<ArgumentException>(() => TelegramUpdateMapper.Map(update, BotName, ""));
    }

    [Fact]
    public void Json_null_is_not_an_update()
    {
        Assert.Throws<System.Text.Json.JsonException>(() => TelegramUpdateJson.Parse("null"));
        Assert.Throws<System.Text.Json.JsonException>(() => TelegramUpdateJson.Parse("null"u8));
    }

    [Fact]
    public void Parsing_bytes_and_text_read_the_same_update()
    {
        var fromText = TelegramUpdateJson.Parse(PhotoWithCaption);
        var fromBytes = TelegramUpdateJson.Parse(System.Text.Encoding.UTF8.GetBytes(PhotoWithCaption));

        Assert.Equal(TelegramUpdateJson.Serialize(fromText), TelegramUpdateJson.Serialize(fromBytes));
    }

    private static (Core.Inbound.InboundMessage Message, TelegramMessageMetadata Meta) Mapped(string json)
    {
        var result = TelegramUpdateMapper.Map(TelegramUpdateJson.Parse(json), BotName, Queue);
        var mapped = Assert.IsType<TelegramMappedMessage>(result);
        Assert.Equal(mapped.Metadata.UpdateId, mapped.UpdateId);
        return (mapped.Message, mapped.Metadata);
    }
}
