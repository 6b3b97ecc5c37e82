namespace Omnichannel.Channels.Tests.Telegram;

/// <summary>
/// Updates in the exact Bot API wire format, shaped after what <c>getUpdates</c> returns (field names, nesting, the legacy
/// <c>thumb</c> next to <c>thumbnail</c>, ids as Telegram issues them). Ana (111111111) and Ben (222222222) write to the bot AcmeSupportBot
/// (7000000001) privately, in a basic group (-4012345678) and in a forum supergroup (-1001234567890).
/// </summary>
internal static class TelegramUpdateSamples
{
    public const long AnaId = 111111111;
    public const long BenId = 222222222;
    public const long BasicGroupId = -4012345678;
    public const long SupergroupId = -1001234567890;

    private const string Ana = """{"id":111111111,"is_bot":false,"first_name":"Ana","last_name":"Silva","username":"ana_silva","language_code":"de"}""";
    private const string Ben = """{"id":222222222,"is_bot":false,"first_name":"Ben","language_code":"en"}""";
    private const string Bot = """{"id":7000000001,"is_bot":true,"first_name":"Acme Support","username":"AcmeSupportBot"}""";
    private const string AnaChat = """{"id":111111111,"first_name":"Ana","last_name":"Silva","username":"ana_silva","type":"private"}""";
    private const string BasicGroup = """{"id":-4012345678,"title":"Acme Partners","type":"group","all_members_are_administrators":false}""";
    private const string Supergroup = """{"id":-1001234567890,"title":"Acme Customers","is_forum":true,"type":"supergroup"}""";

    public static readonly string PrivateText = Fill("""
        {"update_id":815000101,
         "message":{"message_id":42,"from":<Ana>,"chat":<AnaChat>,"date":1767225600,
                    "text":"Hallo! Meine Bestellung #4711 ist noch nicht angekommen."}}
        """);

    public static readonly string PrivateTextWithEntities = Fill("""
        {"update_id":815000102,
         "message":{"message_id":43,"from":<Ana>,"chat":<AnaChat>,"date":1767225660,
                    "text":"Please check order 4711 urgently, details here and email me at ana@example.com",
                    "entities":[{"offset":19,"length":4,"type":"bold"},{"offset":24,"length":8,"type":"italic"},
                                {"offset":42,"length":4,"type":"text_link","url":"https://example.com/orders/4711"},
                                {"offset":63,"length":15,"type":"email"}]}}
        """);

    public static readonly string GroupText = Fill("""
        {"update_id":815000103,
         "message":{"message_id":7,"from":<Ben>,"chat":<BasicGroup>,"date":1767225720,
                    "text":"/help@AcmeSupportBot the invoice PDF won't open",
                    "entities":[{"offset":0,"length":20,"type":"bot_command"}]}}
        """);

    public static readonly string SupergroupReply = Fill("""
        {"update_id":815000104,
         "message":{"message_id":1503,"from":<Ana>,"chat":<Supergroup>,"date":1767225780,
                    "message_thread_id":1490,"is_topic_message":true,
                    "reply_to_message":{"message_id":1502,"from":<Bot>,"chat":<Supergroup>,"date":1767225750,
                                        "message_thread_id":1490,"is_topic_message":true,
                                        "text":"Could you send us your order number?"},
                    "text":"@AcmeSupportBot it is 4711",
                    "entities":[{"offset":0,"length":15,"type":"mention"}]}}
        """);

    public static readonly string EditedMessage = Fill("""
        {"update_id":815000105,
         "edited_message":{"message_id":42,"from":<Ana>,"chat":<AnaChat>,"date":1767225600,"edit_date":1767225900,
                           "text":"Hallo! Meine Bestellung #4712 ist noch nicht angekommen."}}
        """);

    public static readonly string PhotoWithCaption = Fill("""
        {"update_id":815000106,
         "message":{"message_id":44,"from":<Ana>,"chat":<AnaChat>,"date":1767225960,
                    "photo":[{"file_id":"AgACAgIAAxkBAAMsZ2Vh0t-s1","file_unique_id":"AQADyK0xG1s","file_size":1432,"width":90,"height":67},
                             {"file_id":"AgACAgIAAxkBAAMsZ2Vh0t-m2","file_unique_id":"AQADyK0xG1y","file_size":19876,"width":320,"height":240},
                             {"file_id":"AgACAgIAAxkBAAMsZ2Vh0t-x3","file_unique_id":"AQADyK0xG1x","file_size":85123,"width":800,"height":600},
                             {"file_id":"AgACAgIAAxkBAAMsZ2Vh0t-y4","file_unique_id":"AQADyK0xG1z","file_size":161230,"width":1280,"height":960}],
                    "caption":"The box arrived like this",
                    "caption_entities":[{"offset":4,"length":3,"type":"bold"}]}}
        """);

    public static readonly string PhotoWithoutCaption = Fill("""
        {"update_id":815000107,
         "message":{"message_id":1,"from":<Ben>,"chat":{"id":222222222,"first_name":"Ben","type":"private"},"date":1767226020,
                    "media_group_id":"13912345678901234",
                    "photo":[{"file_id":"AgACAgQAAxkBAAMBZ2Vh1a-s1","file_unique_id":"AQADb7Ex1a","file_size":1210,"width":67,"height":90},
                             {"file_id":"AgACAgQAAxkBAAMBZ2Vh1a-y4","file_unique_id":"AQADb7Ex1d","file_size":98234,"width":960,"height":1280},
                             {"file_id":"AgACAgQAAxkBAAMBZ2Vh1a-m2","file_unique_id":"AQADb7Ex1b","file_size":15023,"width":240,"height":320}]}}
        """);

    public static readonly string Document = Fill("""
        {"update_id":815000108,
         "message":{"message_id":45,"from":<Ana>,"chat":<AnaChat>,"date":1767226080,
                    "document":{"file_name":"report.pdf","mime_type":"application/pdf",
                                "thumbnail":{"file_id":"AAMCAgADGQEAAy1nZWHa-t","file_unique_id":"AQADnDkAAk1","file_size":4533,"width":226,"height":320},
                                "thumb":{"file_id":"AAMCAgADGQEAAy1nZWHa-t","file_unique_id":"AQADnDkAAk1","file_size":4533,"width":226,"height":320},
                                "file_id":"BQACAgIAAxkBAAMtZ2Vh2m-doc","file_unique_id":"AgADnDkAAk1","file_size":183412}}}
        """);

    public static readonly string Voice = Fill("""
        {"update_id":815000109,
         "message":{"message_id":46,"from":<Ana>,"chat":<AnaChat>,"date":1767226140,
                    "voice":{"duration":7,"mime_type":"audio/ogg","file_id":"AwACAgIAAxkBAAMuZ2Vh3v-oice","file_unique_id":"AgADoDkAAk1","file_size":16532}}}
        """);

    public static readonly string Video = Fill("""
        {"update_id":815000110,
         "message":{"message_id":47,"from":<Ana>,"chat":<AnaChat>,"date":1767226200,
                    "video":{"duration":83,"width":1280,"height":720,"file_name":"IMG_2041.MOV","mime_type":"video/quicktime",
                             "thumbnail":{"file_id":"AAMCAgADGQEAAy9nZWHe-t","file_unique_id":"AQADoTkAAk1","file_size":9123,"width":320,"height":180},
                             "thumb":{"file_id":"AAMCAgADGQEAAy9nZWHe-t","file_unique_id":"AQADoTkAAk1","file_size":9123,"width":320,"height":180},
                             "file_id":"BAACAgIAAxkBAAMvZ2Vh3-video","file_unique_id":"AgADoTkAAk1","file_size":5829381}}}
        """);

    public static readonly string Sticker = Fill("""
        {"update_id":815000111,
         "message":{"message_id":48,"from":<Ana>,"chat":<AnaChat>,"date":1767226260,
                    "sticker":{"width":512,"height":512,"emoji":"😀","set_name":"HotCherry","is_animated":false,"is_video":false,"type":"regular",
                               "thumbnail":{"file_id":"AAMCAgADGQEAAzBnZWHf-t","file_unique_id":"AQADAgADwDcY","file_size":5416,"width":128,"height":128},
                               "thumb":{"file_id":"AAMCAgADGQEAAzBnZWHf-t","file_unique_id":"AQADAgADwDcY","file_size":5416,"width":128,"height":128},
                               "file_id":"CAACAgIAAxkBAAMwZ2Vh3-stkr","file_unique_id":"AgADAgADwDcY","file_size":24716}}}
        """);

    public static readonly string AnimatedSticker = Fill("""
        {"update_id":815000112,
         "message":{"message_id":49,"from":<Ana>,"chat":<AnaChat>,"date":1767226270,
                    "sticker":{"width":512,"height":512,"emoji":"🎉","set_name":"AnimatedCherry","is_animated":true,"is_video":false,"type":"regular",
                               "file_id":"CAACAgIAAxkBAAMxZ2Vh4-tgs","file_unique_id":"AgADRQADwDcY","file_size":31022}}}
        """);

    public static readonly string Location = Fill("""
        {"update_id":815000113,
         "message":{"message_id":50,"from":<Ana>,"chat":<AnaChat>,"date":1767226320,
                    "location":{"latitude":52.520008,"longitude":13.404954}}}
        """);

    public static readonly string LiveLocationMoved = Fill("""
        {"update_id":815000114,
         "edited_message":{"message_id":51,"from":<Ana>,"chat":<AnaChat>,"date":1767226380,"edit_date":1767226440,
                           "location":{"latitude":52.521,"longitude":13.41,"live_period":900,"heading":90,"horizontal_accuracy":12.5}}}
        """);

    public static readonly string SharedContact = Fill("""
        {"update_id":815000115,
         "message":{"message_id":52,"from":<Ana>,"chat":<AnaChat>,"date":1767226500,
                    "contact":{"phone_number":"+491701234567","first_name":"Ana","last_name":"Silva","user_id":111111111}}}
        """);

    public static readonly string StartWithPayload = Fill("""
        {"update_id":815000116,
         "message":{"message_id":1,"from":<Ana>,"chat":<AnaChat>,"date":1767225000,
                    "text":"/start spring-sale_2026",
                    "entities":[{"offset":0,"length":6,"type":"bot_command"}]}}
        """);

    public static readonly string CallbackQuery = Fill("""
        {"update_id":815000117,
         "callback_query":{"id":"4382bfdwdsb323b2d9","from":<Ana>,
                           "message":{"message_id":60,"from":<Bot>,"chat":<AnaChat>,"date":1767226600,"text":"How did we do?",
                                      "reply_markup":{"inline_keyboard":[[{"text":"👍","callback_data":"csat:5"},{"text":"👎","callback_data":"csat:1"}]]}},
                           "chat_instance":"-8712345678901234567","data":"csat:5"}}
        """);

    public static readonly string MyChatMemberBlocked = Fill("""
        {"update_id":815000118,
         "my_chat_member":{"chat":<AnaChat>,"from":<Ana>,"date":1767226700,
                           "old_chat_member":{"user":<Bot>,"status":"member"},
                           "new_chat_member":{"user":<Bot>,"status":"kicked","until_date":0}}}
        """);

    public static readonly string ChannelPost = Fill("""
        {"update_id":815000119,
         "channel_post":{"message_id":12,
                         "sender_chat":{"id":-1001987654321,"title":"Acme News","username":"acme_news","type":"channel"},
                         "chat":{"id":-1001987654321,"title":"Acme News","username":"acme_news","type":"channel"},
                         "date":1767226800,"text":"Version 5 is out!"}}
        """);

    public static readonly string FromOtherBot = Fill("""
        {"update_id":815000120,
         "message":{"message_id":8,"from":{"id":5000000002,"is_bot":true,"first_name":"Deploy Notifier","username":"DeployNotifierBot"},
                    "chat":{"id":-4012345678,"title":"Acme Partners","type":"group","all_members_are_administrators":false},
                    "date":1767226860,"text":"@AcmeSupportBot build 1234 deployed"}}
        """);

    public static readonly string UnknownFutureUpdate = Fill("""
        {"update_id":815000121,
         "hologram_call":{"id":"hc_5f2a","from":<Ana>,"duration_seconds":12,"participants":[{"id":111111111}]}}
        """);

    public static readonly string NewChatMembers = Fill("""
        {"update_id":815000122,
         "message":{"message_id":9,"from":<Ben>,"chat":<BasicGroup>,"date":1767226920,
                    "new_chat_participant":<Ana>,"new_chat_member":<Ana>,"new_chat_members":[<Ana>]}}
        """);

    public static readonly string AnonymousGroupAdmin = Fill("""
        {"update_id":815000123,
         "message":{"message_id":1510,"from":{"id":1087968824,"is_bot":true,"first_name":"Group","username":"GroupAnonymousBot"},
                    "sender_chat":{"id":-1001234567890,"title":"Acme Customers","is_forum":true,"type":"supergroup"},
                    "chat":{"id":-1001234567890,"title":"Acme Customers","is_forum":true,"type":"supergroup"},
                    "date":1767226980,"author_signature":"Support Lead","text":"@AcmeSupportBot pinned rules updated"}}
        """);

    public static readonly string Animation = Fill("""
        {"update_id":815000124,
         "message":{"message_id":53,"from":<Ana>,"chat":<AnaChat>,"date":1767227040,
                    "animation":{"file_name":"giphy.mp4","mime_type":"video/mp4","duration":3,"width":480,"height":270,
                                 "file_id":"CgACAgQAAxkBAAM1Z2Vh5-anim","file_unique_id":"AgADfQMAAk1","file_size":214531},
                    "document":{"file_name":"giphy.mp4","mime_type":"video/mp4",
                                "file_id":"CgACAgQAAxkBAAM1Z2Vh5-anim","file_unique_id":"AgADfQMAAk1","file_size":214531}}}
        """);

    public static readonly string EditedCaption = Fill("""
        {"update_id":815000125,
         "edited_message":{"message_id":44,"from":<Ana>,"chat":<AnaChat>,"date":1767225960,"edit_date":1767226000,
                           "photo":[{"file_id":"AgACAgIAAxkBAAMsZ2Vh0t-s1","file_unique_id":"AQADyK0xG1s","file_size":1432,"width":90,"height":67},
                                    {"file_id":"AgACAgIAAxkBAAMsZ2Vh0t-y4","file_unique_id":"AQADyK0xG1z","file_size":161230,"width":1280,"height":960}],
                           "caption":"The box arrived like this, see the corner"}}
        """);

    public static readonly string EditedChannelPost = Fill("""
        {"update_id":815000126,
         "edited_channel_post":{"message_id":12,
                                "sender_chat":{"id":-1001987654321,"title":"Acme News","type":"channel"},
                                "chat":{"id":-1001987654321,"title":"Acme News","type":"channel"},
                                "date":1767226800,"edit_date":1767226900,"text":"Version 5.0.1 is out!"}}
        """);

    public static readonly string FutureMessageContent = Fill("""
        {"update_id":815000127,
         "message":{"message_id":54,"from":<Ana>,"chat":<AnaChat>,"date":1767227100,
                    "hologram":{"file_id":"HoACAgIAAxkBAAM2","file_unique_id":"AgADholo","duration":4}}}
        """);

    public static readonly string FutureMessageContentWithCaption = Fill("""
        {"update_id":815000128,
         "message":{"message_id":55,"from":<Ana>,"chat":<AnaChat>,"date":1767227160,
                    "hologram":{"file_id":"HoACAgIAAxkBAAM3","file_unique_id":"AgADholp","duration":4},
                    "caption":"This is what the device shows"}}
        """);

    // Samples name the people and chats above as <Ana>, <AnaChat>, ... so each JSON shape stays readable.
    private static string Fill(string template) => template
        .Replace("<AnaChat>", AnaChat, StringComparison.Ordinal)
        .Replace("<Ana>", Ana, StringComparison.Ordinal)
        .Replace("<Ben>", Ben, StringComparison.Ordinal)
        .Replace("<Bot>", Bot, StringComparison.Ordinal)
        .Replace("<BasicGroup>", BasicGroup, StringComparison.Ordinal)
        .Replace("<Supergroup>", Supergroup, StringComparison.Ordinal);
}
