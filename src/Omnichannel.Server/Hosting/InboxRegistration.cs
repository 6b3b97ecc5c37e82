using System.Text.Json;
using System.Text.Json.Serialization;
using Mediator;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Assignment;
using Omnichannel.Server.Background;
using Omnichannel.Server.Errors;
using Omnichannel.Server.Features.Agents;
using Omnichannel.Server.Features.Articles;
using Omnichannel.Server.Features.Attachments;
using Omnichannel.Server.Features.Audit;
using Omnichannel.Server.Features.Auth;
using Omnichannel.Server.Features.CannedResponses;
using Omnichannel.Server.Features.Contacts;
using Omnichannel.Server.Features.Conversations;
using Omnichannel.Server.Features.HelpCenter;
using Omnichannel.Server.Features.Inbound;
using Omnichannel.Server.Features.Incidents;
using Omnichannel.Server.Features.Quarantine;
using Omnichannel.Server.Features.Queues;
using Omnichannel.Server.Features.Search;
using Omnichannel.Server.Features.Shifts;
using Omnichannel.Server.Features.Sla;
using Omnichannel.Server.Features.Tokens;
using Omnichannel.Server.Pipeline;
using Omnichannel.Server.Sla;
using Omnichannel.Storage.Files;

namespace Omnichannel.Server.Hosting;

/// <summary>The host's table of contents: each area registers itself here.</summary>
public static class InboxRegistration
{
    /// <summary>
    /// Listens on <paramref name="url"/> unless --urls, URLS or ASPNETCORE_URLS says otherwise. (A "Urls" key in
    /// appsettings.json would beat ASPNETCORE_URLS, which containers rely on; so the default lives here.)
    /// </summary>
    public static WebApplicationBuilder UseDefaultUrl(this WebApplicationBuilder builder, string url)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"])
            && string.IsNullOrEmpty(builder.Configuration["https_ports"]))
        {
            builder.WebHost.UseUrls(url);
        }

        return builder;
    }

    /// <summary>Mediator with its pipeline (logging, validation, metrics), the clock and the background jobs.</summary>
    public static IHostApplicationBuilder AddInboxCore(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Singleton;
            options.Assemblies = [typeof(Core.Features.IngestMessage), typeof(InboxRegistration)];
            options.PipelineBehaviors =
            [
                typeof(LoggingBehavior<,>),
                typeof(MetricsBehavior<,>),
                typeof(MessageValidationBehavior<,>),
            ];
        });
        builder.Services.AddRequestValidators(typeof(InboxRegistration).Assembly);
        builder.Services.AddSingleton<InboxMetrics>();
        builder.Services.AddHostedService<SnoozeWaker>();
        builder.Services.AddOptions<AssignmentOptions>()
            .BindConfiguration(AssignmentOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddFileBlobStore();
        builder.Services.AddQuarantine();
        builder.Services.AddSingleton<ShiftWindows>();
        builder.Services.AddSingleton<IncidentViews>();
        builder.Services.AddSingleton<PublishedArticles>();
        builder.Services.AddHostedService<QueueBootstrapper>();
        builder.Services.AddSingleton<AssignmentSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AssignmentSweeper>());
        builder.AddSlaKeeper();
        return builder;
    }

    /// <summary>JSON, problem details, OpenAPI and health checks.</summary>
    public static IHostApplicationBuilder AddInboxApi(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks();
        return builder;
    }

    public static WebApplication UseInboxPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapInboxEndpoints(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();

        app.MapGroup("/api/auth").WithTags("Auth").MapAuthApi();
        app.MapGroup("/api/agents").WithTags("Agents").MapAgentsApi();
        app.MapGroup("/api/agents").WithTags("Presence").MapPresenceApi();
        app.MapGroup("/api/queues").WithTags("Queues").MapQueuesApi();
        app.MapGroup("/api/audit").WithTags("Audit").MapAuditApi();
        app.MapGroup("/api/quarantine").WithTags("Quarantine").MapQuarantineApi();
        app.MapGroup("/api/tokens").WithTags("Tokens").MapTokensApi();
        app.MapGroup("/api/inbound").WithTags("API channel").MapInboundApi();
        app.MapGroup("/api/conversations").WithTags("Conversations").MapConversationsApi();
        app.MapGroup("/api/conversations").WithTags("API channel").MapDeliveryReports();
        app.MapGroup("/api/conversations").WithTags("Conversations").MapAttachmentsApi();
        app.MapGroup("/api/conversations").WithTags("Canned responses").MapCannedResponseRendering();
        app.MapGroup("/api/contacts").WithTags("Contacts").MapContactsApi();
        app.MapGroup("/api/shifts").WithTags("Shifts").MapShiftsApi();
        app.MapGroup("/api/search").WithTags("Search").MapSearchApi();
        app.MapGroup("/api/sla-policies").WithTags("SLA").MapSlaPoliciesApi();
        app.MapGroup("/api/canned-responses").WithTags("Canned responses").MapCannedResponsesApi();
        app.MapGroup("/api/articles").WithTags("Knowledge base").MapArticlesApi();
        app.MapGroup("/api/article-categories").WithTags("Knowledge base").MapArticleCategoriesApi();
        app.MapHelpCenter();
        app.MapGroup("/api/incidents").WithTags("Incidents").MapIncidentsApi();
        return app;
    }
}
