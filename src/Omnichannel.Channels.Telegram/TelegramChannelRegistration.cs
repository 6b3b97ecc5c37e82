using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Omnichannel.Core.Ports;

namespace Omnichannel.Channels.Telegram;

public static class TelegramChannelRegistration
{
    /// <summary>
    /// The Telegram channel: bots from <c>Omnichannel:Channels:Telegram:Bots</c> (validated at start), their pollers or
    /// webhook registration, and its part in sending replies (TelegramOutboundChannel). With no bots configured nothing runs and nothing calls Telegram.
    /// Needs the store (<c>ITelegramStateStore</c>, <c>IOutboundQueue</c>, <c>IConversationStore</c>), a blob store and the mediator.
    /// </summary>
    public static IHostApplicationBuilder AddTelegramChannel(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelegramChannelOptions>().BindConfiguration(TelegramChannelOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TelegramChannelOptions>, TelegramChannelOptionsValidator>();
        builder.Services.AddSingleton<TelegramBots>();
        builder.Services.AddSingleton<TelegramMediaDownloader>();
        builder.Services.AddSingleton<TelegramUpdateIngestor>();
        builder.Services.AddSingleton<IQuarantineReplayer, TelegramQuarantineReplayer>();
        builder.Services.AddHostedService<TelegramPoller>();
        builder.Services.AddHostedService<TelegramWebhookRegistrar>();
        builder.Services.AddSingleton<IOutboundChannel, TelegramOutboundChannel>();
        return builder;
    }

    /// <summary>The webhook endpoint, <c>POST /api/channels/telegram/{Name}/webhook</c>.</summary>
    public static IEndpointRouteBuilder MapTelegramChannel(this IEndpointRouteBuilder app) => app.MapTelegramWebhook();
}
