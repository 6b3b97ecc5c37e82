using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Audit;

/// <summary>One page of the audit log; pass <see cref="Next"/> back as <c>since</c>/<c>after</c> to read on.</summary>
public sealed record AuditPage(IReadOnlyList<JsonElement> Entries, AuditCursor? Next);

public sealed record AuditCursor(DateTimeOffset Since, long After);

/// <summary><c>GET /api/audit?since=&amp;after=&amp;limit=</c> for leads and admins: assignments with reason and actor, lead actions.</summary>
public static class AuditApi
{
    public const int MaxLimit = 1000;

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(InboxPolicies.Lead);
        group.MapGet("/", ReadAsync);
        return group;
    }

    private static async Task<Ok<AuditPage>> ReadAsync(IAuditLog audit, TimeProvider time, DateTimeOffset? since, long? after, int? limit, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new RequestValidationException([new("limit", $"must be 1 to {MaxLimit}.")]);
        }

        var take = limit ?? 100;
        var from = since ?? time.GetUtcNow().AddDays(-1);
        var entries = await audit.ReadAsync(from, after ?? 0, take, ct);
        var next = entries.Count == take ? new AuditCursor(entries[^1].At, entries[^1].Sequence) : null;
        return TypedResults.Ok(new AuditPage([.. entries.Select(ToJson)], next));
    }

    /// <summary>The stored entry with <c>at</c> as an ISO 8601 instant instead of Unix milliseconds.</summary>
    public static JsonElement ToJson(AuditEntry entry)
    {
        var node = JsonNode.Parse(entry.Json)!.AsObject();
        node["at"] = entry.At;
        return JsonSerializer.SerializeToElement(node);
    }
}
