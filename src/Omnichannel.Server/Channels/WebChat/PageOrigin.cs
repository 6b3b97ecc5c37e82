namespace Omnichannel.Server.Channels.WebChat;

/// <summary>
/// Where a widget request comes from: the page's <c>Origin</c> header (empty when not from a browser page) and this
/// server's own origin, as the request reached it. A request carries it so its handler can judge it without HTTP.
/// </summary>
public sealed record PageOrigin(string Origin, string Own)
{
    public static PageOrigin Of(HttpRequest request) => new(request.Headers.Origin.ToString(), $"{request.Scheme}://{request.Host}");
}
