using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;

namespace Omnichannel.Server.Hosting;

/// <summary>
/// What an unmatched request under the server's own prefixes answers. Routing drops an endpoint whose body type the
/// request does not send (a JSON endpoint posted text/plain, or nothing) and then lands here: that is a 415 naming
/// what the endpoint takes, not a 404 that tells an integrator the URL is wrong.
/// </summary>
public sealed class ServerPathFallback(EndpointDataSource endpoints)
{
    private readonly Lazy<IReadOnlyList<(TemplateMatcher Matcher, string Method, IReadOnlyList<string> Types)>> _bodies =
        new(() => [.. endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>() is { ContentTypes.Count: > 0 })
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method =>
                (new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary()), method,
                    e.Metadata.GetMetadata<IAcceptsMetadata>()!.ContentTypes)))]);

    public Results<NotFound, ProblemHttpResult> Answer(HttpContext context)
    {
        var request = context.Request;
        foreach (var (matcher, method, types) in _bodies.Value)
        {
            if (string.Equals(method, request.Method, StringComparison.OrdinalIgnoreCase)
                && matcher.TryMatch(request.Path, new RouteValueDictionary()))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                    title: "Unsupported body.", detail: $"This endpoint takes a body of type {string.Join(" or ", types)}.");
            }
        }

        return TypedResults.NotFound();
    }
}
