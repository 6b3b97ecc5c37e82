using Omnichannel.Channels.Telegram;

namespace Omnichannel.Channels.Tests.Telegram;

public class TelegramBotOptionsTests
{
    private const string Token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    [Fact]
    public void A_polling_bot_needs_only_a_name_and_a_token()
    {
        var bot = new TelegramBotOptions { Name = "support", Token = Token };

        Assert.Empty(bot.Validate());
        Assert.Equal(TelegramBotMode.Polling, bot.Mode);
        Assert.Equal("default", bot.Queue);
        Assert.Null(bot.CustomApiBaseUrl);
        Assert.Equal(123456789, bot.BotId);
    }

    [Fact]
    public void A_webhook_bot_with_an_https_url_and_a_secret_is_valid()
    {
        var bot = Webhook("https://inbox.example.com/api/channels/telegram/support/webhook");

        Assert.Empty(bot.Validate());
    }

    [Fact]
    public void A_webhook_bot_needs_its_url_and_its_secret()
    {
        var bot = new TelegramBotOptions { Name = "support", Token = Token, Mode = TelegramBotMode.Webhook, WebhookUrl = "", WebhookSecret = "" };

        Assert.Equal(["WebhookUrl", "WebhookSecret"], Fields(bot));
    }

    [Theory]
    [InlineData("123456:ABC-DEF")]
    [InlineData("1:a")]
    [InlineData("7000000001:AAE_x-yZ0123456789abcdefghijklmnopq")]
    public void Tokens_shaped_like_botfathers_are_accepted(string token) =>
        Assert.Empty(new TelegramBotOptions { Name = "support", Token = token }.Validate());

    [Theory]
    [InlineData("")]
    [InlineData("123456")]
    [InlineData("123456:")]
    [InlineData(":ABC")]
    [InlineData("abc:DEF")]
    [InlineData("0:ABC")]
    [InlineData("123456:ABC DEF")]
    [InlineData("123456:ABC/DEF")]
    [InlineData("123456:ABC:DEF")]
    [InlineData(" 123456:ABC")]
    [InlineData("123456789012345678901:ABC")]
    public void Anything_else_is_not_a_token_and_the_error_does_not_repeat_it(string token)
    {
        var error = Assert.Single(new TelegramBotOptions { Name = "support", Token = token }.Validate());

        Assert.Equal("Token", error.Field);
        Assert.True(token.Length == 0 || !error.Message.Contains(token, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("support")]
    [InlineData("Acme_Support-2")]
    [InlineData("a")]
    public void Names_that_are_safe_in_a_url_path_are_accepted(string name) =>
        Assert.Empty(new TelegramBotOptions { Name = name, Token = Token }.Validate());

    [Theory]
    [InlineData("")]
    [InlineData("acme support")]
    [InlineData("acme/support")]
    [InlineData("acme%20support")]
    [InlineData("..")]
    [InlineData("süpport")]
    public void Names_that_are_not_a_plain_path_segment_are_refused(string name) =>
        Assert.Equal(["Name"], Fields(new TelegramBotOptions { Name = name, Token = Token }));

    [Fact]
    public void Names_are_at_most_64_characters()
    {
        Assert.Empty(new TelegramBotOptions { Name = new string('n', 64), Token = Token }.Validate());
        Assert.Equal(["Name"], Fields(new TelegramBotOptions { Name = new string('n', 65), Token = Token }));
    }

    [Theory]
    [InlineData("http://localhost:5080/api/channels/telegram/support/webhook")]
    [InlineData("http://127.0.0.1:5080/hook")]
    [InlineData("http://[::1]:5080/hook")]
    [InlineData("http://bot.localhost:5080/hook")]
    public void Plain_http_webhooks_are_allowed_only_on_loopback_for_tests(string url) =>
        Assert.Empty(Webhook(url, apiBaseUrl: "http://127.0.0.1:8081").Validate());

    [Theory]
    [InlineData("http://inbox.example.com/api/channels/telegram/support/webhook")]
    [InlineData("http://10.0.0.5/hook")]
    [InlineData("ftp://inbox.example.com/hook")]
    [InlineData("/api/channels/telegram/support/webhook")]
    [InlineData("not a url")]
    [InlineData("https://user:pw@inbox.example.com/hook")]
    public void Other_webhook_urls_are_refused(string url) =>
        Assert.Equal(["WebhookUrl"], Fields(Webhook(url)));

    [Theory]
    [InlineData("https://inbox.example.com:8443/hook", true)]
    [InlineData("https://inbox.example.com:88/hook", true)]
    [InlineData("https://inbox.example.com:9443/hook", false)]
    public void Telegrams_servers_deliver_webhooks_to_four_ports_only(string url, bool valid)
    {
        Assert.Equal(valid, !Webhook(url).Validate().Any());
        Assert.Empty(Webhook(url, apiBaseUrl: "http://telegram-bot-api:8081").Validate());
    }

    [Theory]
    [InlineData("a")]
    [InlineData("Zx_9-Zx_9-Zx_9")]
    public void Webhook_secrets_follow_telegrams_alphabet(string secret) =>
        Assert.Empty(Webhook("https://inbox.example.com/hook", secret).Validate());

    [Theory]
    [InlineData("with space")]
    [InlineData("dots.are.not.allowed")]
    [InlineData("ünicode")]
    [InlineData("slash/")]
    public void Webhook_secrets_outside_telegrams_alphabet_are_refused(string secret) =>
        Assert.Equal(["WebhookSecret"], Fields(Webhook("https://inbox.example.com/hook", secret)));

    [Fact]
    public void Webhook_secrets_are_at_most_256_characters()
    {
        Assert.Empty(Webhook("https://inbox.example.com/hook", new string('s', 256)).Validate());
        Assert.Equal(["WebhookSecret"], Fields(Webhook("https://inbox.example.com/hook", new string('s', 257))));
    }

    [Fact]
    public void A_mistyped_secret_or_url_is_reported_in_polling_mode_too()
    {
        var bot = new TelegramBotOptions { Name = "support", Token = Token, WebhookUrl = "nope", WebhookSecret = "has space" };

        Assert.Equal(["WebhookUrl", "WebhookSecret"], Fields(bot));
    }

    [Theory]
    [InlineData("http://localhost:8081", true)]
    [InlineData("https://tg.internal.example:8443/", true)]
    [InlineData("http://telegram-bot-api:8081", true)]
    [InlineData("https://proxy.example.com/telegram", false)]
    [InlineData("https://proxy.example.com/?x=1", false)]
    [InlineData("localhost:8081", false)]
    [InlineData("ws://localhost:8081", false)]
    public void A_custom_bot_api_server_is_scheme_host_and_port_because_telegram_bot_drops_a_path(string url, bool valid)
    {
        var bot = new TelegramBotOptions { Name = "support", Token = Token, ApiBaseUrl = url };

        Assert.Equal(valid ? [] : ["ApiBaseUrl"], Fields(bot));
        if (valid)
        {
            Assert.Equal(url, bot.CustomApiBaseUrl);
        }
    }

    [Fact]
    public void A_mode_outside_polling_and_webhook_is_refused() =>
        Assert.Equal(["Mode"], Fields(new TelegramBotOptions { Name = "support", Token = Token, Mode = (TelegramBotMode)7 }));

    [Theory]
    [InlineData("")]
    [InlineData("tier 1")]
    [InlineData("tier:1")]
    public void The_queue_must_be_an_id(string queue) =>
        Assert.Equal(["Queue"], Fields(new TelegramBotOptions { Name = "support", Token = Token, Queue = queue }));

    [Fact]
    public void The_token_never_appears_when_the_options_are_printed()
    {
        var bot = new TelegramBotOptions { Name = "support", Token = Token };

        Assert.DoesNotContain(Token, bot.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_settable_properties_are_exactly_the_pinned_configuration_keys()
    {
        string[] pinned = ["Name", "Token", "Mode", "ApiBaseUrl", "WebhookUrl", "WebhookSecret", "Queue"];

        var settable = typeof(TelegramBotOptions).GetProperties().Where(p => p.CanWrite).Select(p => p.Name);

        Assert.Equal(pinned.Order(), settable.Order());
        Assert.Equal("Omnichannel:Channels:Telegram", TelegramChannelOptions.Section);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_api_server_means_telegrams_own(string url)
    {
        var bot = new TelegramBotOptions { Name = "support", Token = Token, ApiBaseUrl = url };

        Assert.Empty(bot.Validate());
        Assert.Null(bot.CustomApiBaseUrl);
    }

    [Fact]
    public void Bots_report_their_problems_under_their_index_and_may_not_share_a_name_or_a_bot()
    {
        var options = new TelegramChannelOptions
        {
            Bots =
            [
                new() { Name = "support", Token = Token },
                new() { Name = "Support", Token = "42:other" },
                new() { Name = "sales", Token = "123456789:another-secret-of-the-same-bot" },
                new() { Name = "broken", Token = "nope" },
            ],
        };

        Assert.Equal(["Bots:1:Name", "Bots:2:Token", "Bots:3:Token"], options.Validate().Select(e => e.Field));
    }

    private static TelegramBotOptions Webhook(string url, string secret = "s3cr3t", string? apiBaseUrl = null) => new()
    {
        Name = "support",
        Token = Token,
        Mode = TelegramBotMode.Webhook,
        WebhookUrl = url,
        WebhookSecret = secret,
        ApiBaseUrl = apiBaseUrl,
    };

    private static string[] Fields(TelegramBotOptions bot) => [.. bot.Validate().Select(e => e.Field)];
}
