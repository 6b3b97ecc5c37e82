namespace Omnichannel.Server.Sla;

public static class SlaRegistration
{
    /// <summary>The SLA keeper (one node at a time, under its lease) and its options, checked at start.</summary>
    public static IHostApplicationBuilder AddSlaKeeper(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SlaOptions>()
            .BindConfiguration(SlaOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SlaPolicyResolver>();
        builder.Services.AddSingleton<SlaKeeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SlaKeeper>());
        return builder;
    }
}
