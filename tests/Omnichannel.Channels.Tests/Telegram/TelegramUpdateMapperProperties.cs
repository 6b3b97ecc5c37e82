using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;
using Omnichannel.Channels.Telegram;
using Omnichannel.Core.Features;
using Omnichannel.Core.Model;

namespace Omnichannel.Channels.Tests.Telegram;

/// <summary>Random text messages, written as Bot API JSON and read back with Telegram.Bot's own settings.</summary>
public class TelegramUpdateMapperProperties
{
    private const int Iterations = 1_000;

    private static readonly Gen<string> AnyText = Gen.String[Gen.Char, 0, 40].Select(s => string.Concat(s.EnumerateRunes().Select(r => r.ToString())));

    // Telegram never delivers a blank text: it trims and refuses one.
    private static readonly Gen<string> MessageText = Gen.Frequency(
        (3, AnyText),
        (1, Gen.OneOf(Gen.Const("😀 Hallo\n\nWelt"), Gen.Const("/start promo_1"), Gen.Const("a\0b"), Gen.Const("👨‍👩‍👧‍👦"))),
        (1, Gen.Char["a-z \n"].Array[1, 4096].Select(c => new string(c))))
        .Where(t => !string.IsNullOrWhiteSpace(t));

    private static readonly Gen<RandomMessage> Message =
        from updateId in Gen.Int[1, int.MaxValue]
        from messageId in Gen.Int[1, int.MaxValue]
        from userId in Gen.Long[1, 1L << 52]
        from chatType in Gen.OneOf(Gen.Const("private"), Gen.Const("group"), Gen.Const("supergroup"))
        from groupId in Gen.Long[-(1L << 52), -1]
        from firstName in AnyText.Where(n => n.Length > 0)
        from lastName in Gen.Frequency((1, Gen.Const((string?)null)), (2, AnyText.Select(n => (string?)n)))
        from username in Gen.Frequency((1, Gen.Const((string?)null)), (1, Gen.Char["a-z0-9_"].Array[5, 32].Select(c => (string?)new string(c))))
        from title in AnyText
        from text in MessageText
        from date in Gen.Long[1_400_000_000, 2_000_000_000]
        from editDelay in Gen.Frequency((1, Gen.Const((long?)null)), (1, Gen.Long[0, 86_400 * 30].Select(d => (long?)d)))
        select new RandomMessage(updateId, messageId, userId, chatType, chatType == "private" ? userId : groupId, firstName, lastName, username, title, text, date,
            editDelay is { } delay ? date + delay : null);

    [Fact]
    public void Any_text_message_maps_without_throwing_to_ids_derived_from_chat_and_message()
    {
        Message.Sample(m =>
        {
            var mapped = Assert.IsType<TelegramMappedMessage>(TelegramUpdateMapper.Map(TelegramUpdateJson.Parse(m.ToJson()), "bot", "default"));

            var original = string.Create(CultureInfo.InvariantCulture, $"{m.ChatId}:{m.MessageId}");
            Assert.Equal(m.EditDate is { } edit ? string.Create(CultureInfo.InvariantCulture, $"{original}:edit:{edit}") : original, mapped.Message.ExternalId);
            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"chat:{m.ChatId}"), mapped.Message.ThreadKey);
            Assert.Equal(new ContactIdentity(IdentityKinds.Telegram, m.UserId.ToString(CultureInfo.InvariantCulture)), mapped.Message.Sender);
            Assert.Equal(m.UpdateId, mapped.UpdateId);
            Assert.Equal((m.ChatId, m.MessageId, m.UserId, m.EditDate is not null), (mapped.Metadata.ChatId, mapped.Metadata.MessageId, mapped.Metadata.UserId, mapped.Metadata.IsEdit));
            Assert.Equal(m.Text.Replace("\0", "", StringComparison.Ordinal), mapped.Message.Text);
        }, iter: Iterations);
    }

    [Fact]
    public void Mapping_the_same_update_twice_gives_the_same_message()
    {
        Message.Sample(m =>
        {
            var first = (TelegramMappedMessage)TelegramUpdateMapper.Map(TelegramUpdateJson.Parse(m.ToJson()), "bot", "default");
            var second = (TelegramMappedMessage)TelegramUpdateMapper.Map(TelegramUpdateJson.Parse(m.ToJson()), "bot", "default");

            Assert.Equal(first.Message, second.Message);
            Assert.Equal(first.Metadata, second.Metadata);
        }, iter: Iterations);
    }

    [Fact]
    public void Every_mapped_text_message_is_one_the_store_accepts()
    {
        Message.Sample(m =>
        {
            var mapped = (TelegramMappedMessage)TelegramUpdateMapper.Map(TelegramUpdateJson.Parse(m.ToJson()), "bot", "default");

            Assert.Empty(new IngestMessage(mapped.Message).Validate());
        }, iter: Iterations);
    }

    [Fact]
    public void Distinct_messages_and_their_edits_never_share_an_external_id()
    {
        // Half the pairs share chat and message id, so edits of one message and the message itself meet often.
        var pairs =
            from a in Message
            from b in Message
            from sameMessage in Gen.Bool
            from editDate in Gen.OneOf(Gen.Const(a.EditDate), Gen.Const((long?)null), Gen.Const(a.EditDate + 1), Gen.Const(b.EditDate))
            select (a, sameMessage ? b with { ChatId = a.ChatId, MessageId = a.MessageId, EditDate = editDate } : b);

        pairs.Sample(pair =>
        {
            var (a, b) = pair;
            var idA = ((TelegramMappedMessage)TelegramUpdateMapper.Map(TelegramUpdateJson.Parse(a.ToJson()), "bot", "default")).Message.ExternalId;
            var idB = ((TelegramMappedMessage)TelegramUpdateMapper.Map(TelegramUpdateJson.Parse(b.ToJson()), "bot", "default")).Message.ExternalId;

            var same = (a.ChatId, a.MessageId, a.EditDate) == (b.ChatId, b.MessageId, b.EditDate);
            Assert.Equal(same, idA == idB);
        }, iter: Iterations);
    }

    [Fact]
    public void Any_sample_update_with_its_chat_sender_and_update_type_shuffled_maps_or_skips_without_throwing()
    {
        var samples = typeof(TelegramUpdateSamples).GetFields()
            .Where(f => f.FieldType == typeof(string))
            .Select(f => (string)f.GetValue(null)!)
            .ToArray();
        string[] chatTypes = ["private", "group", "supergroup", "channel", "sender", "guild"];
        string[] updateKeys = ["message", "edited_message", "channel_post", "edited_channel_post", "business_message", "guest_message", "future_message"];

        var updates =
            from sample in Gen.OneOf(samples.Select(Gen.Const).ToArray())
            from chatType in Gen.OneOf(chatTypes.Select(Gen.Const).ToArray())
            from updateKey in Gen.OneOf(updateKeys.Select(Gen.Const).ToArray())
            from isBot in Gen.Bool
            from dropSender in Gen.Frequency((4, Gen.Const(false)), (1, Gen.Const(true)))
            select Shuffle(sample, chatType, updateKey, isBot, dropSender);

        updates.Sample(json =>
        {
            var update = TelegramUpdateJson.Parse(json);

            var result = TelegramUpdateMapper.Map(update, "bot", "default");

            Assert.Equal(update.Id, result.UpdateId);
            if (result is TelegramMappedMessage mapped)
            {
                Assert.Empty(new IngestMessage(mapped.Message).Validate());
            }
        }, iter: Iterations);
    }

    /// <summary>The sample's message (if it has one) under another update key, in another chat type, from a bot or from nobody.</summary>
    private static string Shuffle(string sample, string chatType, string updateKey, bool isBot, bool dropSender)
    {
        var update = JsonNode.Parse(sample)!.AsObject();
        var key = update.Select(p => p.Key).First(k => k != "update_id");
        if (update[key] is not JsonObject message || !message.ContainsKey("chat"))
        {
            return sample;
        }

        update.Remove(key);
        message["chat"]!["type"] = chatType;
        if (message["from"] is JsonObject from)
        {
            from["is_bot"] = isBot;
        }

        if (dropSender)
        {
            message.Remove("from");
        }

        update[updateKey] = message;
        return update.ToJsonString();
    }

    private sealed record RandomMessage(
        int UpdateId, int MessageId, long UserId, string ChatType, long ChatId, string FirstName, string? LastName, string? Username,
        string Title, string Text, long Date, long? EditDate)
    {
        public string ToJson()
        {
            var from = new JsonObject { ["id"] = UserId, ["is_bot"] = false, ["first_name"] = FirstName };
            if (LastName is not null)
            {
                from["last_name"] = LastName;
            }

            if (Username is not null)
            {
                from["username"] = Username;
            }

            var chat = new JsonObject { ["id"] = ChatId, ["type"] = ChatType };
            if (ChatType == "private")
            {
                chat["first_name"] = FirstName;
            }
            else
            {
                chat["title"] = Title;
            }

            var message = new JsonObject
            {
                ["message_id"] = MessageId,
                ["from"] = from,
                ["chat"] = chat,
                ["date"] = Date,
                ["text"] = Text,
            };
            if (EditDate is { } edit)
            {
                message["edit_date"] = edit;
            }

            return new JsonObject { ["update_id"] = UpdateId, [EditDate is null ? "message" : "edited_message"] = message }.ToJsonString();
        }
    }
}
