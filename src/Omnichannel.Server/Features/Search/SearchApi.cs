using Mediator;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Search;

/// <summary>Search's routes (<c>Features/Search/SearchConversations.cs</c>).</summary>
public static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", SearchAsync).RequireAuthorization(InboxPolicies.ReadConversations);
        return group;
    }

    private static async Task<SearchResponse> SearchAsync(string? q, string? status, string? channel, string? queue,
        string? assignee, string? label, string? from, string? to, int? limit, string? cursor, HttpContext http,
        IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new SearchConversations(q, http.CurrentPrincipal())
        {
            Status = status,
            Channel = channel,
            Queue = queue,
            Assignee = assignee,
            Label = label,
            From = from,
            To = to,
            Limit = limit,
            Cursor = cursor,
        }, ct);
}
