namespace Omnichannel.Server.Channels.Api;

public static class ApiChannelRegistration
{
    /// <summary>The API channel's outbound side: the webhook sender and its wake-up signal.</summary>
    public static IHostApplicationBuilder AddApiChannel(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiChannelOptions>().BindConfiguration(ApiChannelOptions.Section).ValidateDataAnnotations()
            .Validate(options => !options.Problems().Any(), "Omnichannel:Channels:Api is not valid: WebhookUrl must be an absolute http(s) URL and WebhookSecret at least 16 characters.")
            .ValidateOnStart();
        builder.Services.AddHttpClient(ApiWebhookDispatcher.HttpClientName);
        builder.Services.AddHostedService<ApiWebhookDispatcher>();
        return builder;
    }
}
