using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Server.Features;
using Omnichannel.Server.Features.WebChat;

namespace Omnichannel.Server.Channels.WebChat;

/// <summary>
/// The widget's HTTP side (anonymous, per-IP rate limited, origin checked): <c>GET /api/webchat/sites/{key}</c> for
/// its settings and <c>POST /api/webchat/sessions</c> to start or continue a visitor's chat
/// (<c>Features/WebChat</c>).
/// </summary>
public static class WebChatSessionsApi
{
    public static RouteGroupBuilder MapWebChatApi(this RouteGroupBuilder group)
    {
        group.AllowAnonymous().RequireRateLimiting(WebChatRegistration.SessionLimit).RequireCors(WebChatRegistration.CorsPolicy);
        group.MapGet("/sites/{key}", GetSiteAsync);
        group.MapPost("/sessions", StartAsync).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(8 * 1024));
        return group;
    }

    private static async Task<Results<Ok<PublicSiteDto>, NotFound, ForbidHttpResult>> GetSiteAsync(
        string key, HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        var outcome = await mediator.Send(new GetWidgetSite(key, PageOrigin.Of(request)), ct);
        return outcome.Refusal switch
        {
            Refusal.None => TypedResults.Ok(outcome.Value!),
            Refusal.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<SessionResponse>, NotFound, ProblemHttpResult>> StartAsync(
        SessionRequest body, HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        var outcome = await mediator.Send(new StartVisitorSession(body, PageOrigin.Of(request)), ct);
        return outcome.Refusal switch
        {
            Refusal.None => TypedResults.Ok(outcome.Value!),
            Refusal.Forbidden => outcome.ToProblem(),
            _ => TypedResults.NotFound(),
        };
    }
}
