namespace Omnichannel.Server.Hosting;

/// <summary>
/// The agent web app (built from <c>ClientApp/</c> into <c>wwwroot/</c>): its static files, the fallback that lets
/// its own paths (<c>/board</c>, <c>/c/{id}</c>) load <c>index.html</c>, and the security headers it runs under.
/// </summary>
public static class WebAppHosting
{
    /// <summary>Paths that belong to the server: an unknown one answers 401/404 like the API, never the app's page.</summary>
    private static readonly string[] ServerPrefixes = ["api", "hubs", "health", "openapi"];

    /// <summary>Before authentication: static files are public (the login page must load), and carry the headers.</summary>
    public static WebApplication UseWebApp(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            SetSecurityHeaders(context);
            return next(context);
        });
        app.UseStaticFiles();
        return app;
    }

    public static WebApplication MapWebApp(this WebApplication app)
    {
        // Reads the endpoints at the first unmatched request, when every one is mapped.
        var fallback = new ServerPathFallback(app.Services.GetRequiredService<EndpointDataSource>());
        foreach (var prefix in ServerPrefixes)
        {
            app.MapFallback($"/{prefix}/{{**path}}", (HttpContext context) => fallback.Answer(context));
        }

        app.MapFallbackToFile("index.html").AllowAnonymous();
        return app;
    }

    private static void SetSecurityHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        var host = context.Request.Host.Value;
        // Only our own scripts, styles, images and connections (the hub's WebSocket included). Inline styles are
        // allowed because customers' email HTML uses them; it is shown in a sandboxed srcdoc frame without scripts,
        // which inherits this policy, so remote images (tracking pixels) stay blocked too.
        headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
            $"connect-src 'self' ws://{host} wss://{host}; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
    }
}
