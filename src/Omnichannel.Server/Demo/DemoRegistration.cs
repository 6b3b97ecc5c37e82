namespace Omnichannel.Server.Demo;

/// <summary>
/// <c>Omnichannel:Demo:Seed=true</c>: fills an empty workspace with a living demo — a lead and agents on day, evening
/// and night shifts, queues for L1 and L2, and conversations on every channel with threads, replies, notes and
/// assignments — so a new user sees a working inbox at once. Passwords are generated and logged once. A workspace
/// that already has conversations is left alone.
/// </summary>
public static class DemoRegistration
{
    /// <summary>Register after authentication: the bootstrap admin must exist before the demo adds its agents.</summary>
    public static IHostApplicationBuilder AddDemoSeed(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<DemoSeeder>();
        return builder;
    }
}
