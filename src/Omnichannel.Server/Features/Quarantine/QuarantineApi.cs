using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Ports;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Quarantine;

/// <summary>
/// Inbound items no channel could read or store (docs/operations.md, "Quarantine"), for admins:
/// <c>GET /api/quarantine</c> lists them newest first with the reason, <c>POST /api/quarantine/{id}/retry</c> runs one
/// through its channel's ingest again (stored: it leaves the quarantine), <c>DELETE /api/quarantine/{id}</c> discards
/// one. Retries and discards are audited. The use cases are <c>Features/Quarantine/*Quarantine*.cs</c>.
/// </summary>
public static class QuarantineApi
{
    public static RouteGroupBuilder MapQuarantineApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(InboxPolicies.Admin);
        group.MapGet("/", ListAsync);
        group.MapPost("/{id}/retry", RetryAsync);
        group.MapDelete("/{id}", DiscardAsync);
        return group;
    }

    /// <summary>The quarantine's settings and the gate every channel runs its items through (each channel registers its retry).</summary>
    public static IServiceCollection AddQuarantine(this IServiceCollection services)
    {
        services.AddOptions<QuarantineOptions>()
            .BindConfiguration(QuarantineOptions.Section)
            .Validate(o => o.MaxAttempts is >= 1 and <= 20, "Omnichannel:Quarantine:MaxAttempts must be 1 to 20.")
            .Validate(o => o.MaxRawBytes >= 0, "Omnichannel:Quarantine:MaxRawBytes must not be negative.")
            .ValidateOnStart();
        services.AddSingleton(sp => new InboundQuarantine(
            sp.GetRequiredService<IQuarantineStore>(),
            sp.GetRequiredService<IBlobStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<QuarantineOptions>>().Value));
        return services;
    }

    private static async Task<Results<Ok<QuarantineListDto>, ForbidHttpResult>> ListAsync(
        HttpContext http, IMediator mediator, int? offset, int? limit, CancellationToken ct) =>
        await mediator.Send(new ListQuarantine(offset, limit, http.CurrentPrincipal()), ct) is { Refusal: Refusal.None, Value: { } list }
            ? TypedResults.Ok(list)
            : TypedResults.Forbid();

    private static async Task<Results<Ok<QuarantineRetryDto>, ForbidHttpResult, ProblemHttpResult>> RetryAsync(
        string id, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var outcome = await mediator.Send(new RetryQuarantined(id, http.CurrentPrincipal(), http.User.GetAgentId()!), ct);
        return outcome.Refusal switch
        {
            Refusal.None => TypedResults.Ok(outcome.Value!),
            Refusal.Forbidden => TypedResults.Forbid(),
            _ => outcome.ToProblem(),
        };
    }

    private static async Task<Results<NoContent, ForbidHttpResult, ProblemHttpResult>> DiscardAsync(
        string id, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var outcome = await mediator.Send(new DiscardQuarantined(id, http.CurrentPrincipal(), http.User.GetAgentId()!), ct);
        return outcome.Refusal switch
        {
            Refusal.None => TypedResults.NoContent(),
            Refusal.Forbidden => TypedResults.Forbid(),
            _ => outcome.ToProblem(),
        };
    }
}
