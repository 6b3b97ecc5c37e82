using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Channels.Api;

public static class ApiChannelRegistration
{
    /// <summary>The API channel's outbound side: its part in sending replies, the webhook (the server runs the one outbox sender).</summary>
    public static IHostApplicationBuilder AddApiChannel(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiChannelOptions>().BindConfiguration(ApiChannelOptions.Section).ValidateDataAnnotations()
            .Validate(options => !options.Problems().Any(), "Omnichannel:Channels:Api is not valid: WebhookUrl must be an absolute http(s) URL and WebhookSecret at least 16 characters.")
            .ValidateOnStart();
        builder.Services.AddHttpClient(ApiWebhookChannel.HttpClientName);
        builder.Services.AddSingleton<IOutboundChannel, ApiWebhookChannel>();
        return builder;
    }
}
