using System.Text.Json;
using System.Text.Json.Nodes;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Core.Ports;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Audit;

/// <summary>The audit log's route, for leads and admins: assignments with reason and actor, lead actions (<see cref="ReadAudit"/>).</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(InboxPolicies.Lead);
        group.MapGet("/", ReadAsync);
        return group;
    }

    private static async Task<Ok<AuditPage>> ReadAsync(IMediator mediator, DateTimeOffset? since, long? after, int? limit, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ReadAudit(since, after, limit), ct));

    /// <summary>The stored entry with <c>at</c> as an ISO 8601 instant instead of Unix milliseconds.</summary>
    public static JsonElement ToJson(AuditEntry entry)
    {
        var node = JsonNode.Parse(entry.Json)!.AsObject();
        node["at"] = entry.At;
        return JsonSerializer.SerializeToElement(node);
    }
}
