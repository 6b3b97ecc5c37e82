using System.Text.Json;
using Omnichannel.Core.CannedResponses;

namespace Omnichannel.Redis.Checking;

/// <summary>
/// Canned responses against their short-code guard (canned_save.lua, canned_delete.lua): every response holds its
/// scope's code in <c>canned-codes</c>, and every guarded code belongs to a response that has it. (Their listing in
/// <c>canned-responses</c> is checked with the other records' in <see cref="AccountChecks"/>.)
/// </summary>
internal static class CannedResponseChecks
{
    public static void Run(StoreSnapshot snapshot, List<StoreFinding> findings)
    {
        var scopes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, json) in snapshot.Strings.Where(s => s.Key.StartsWith("canned:", StringComparison.Ordinal)))
        {
            if (ScopeOf(json) is { } scope)
            {
                scopes[name["canned:".Length..]] = scope;
            }
            else
            {
                findings.Add(new("canned-unreadable", name, "is no canned response: it cannot be listed or used"));
            }
        }

        var guard = snapshot.Hash("canned-codes") ?? [];
        foreach (var (scope, id) in guard.Where(g => scopes.GetValueOrDefault(g.Value) != g.Key))
        {
            findings.Add(new("canned-code-orphan", "canned-codes",
                $"{scope} points to {id}, which does not have that code: no response can take it"));
        }

        foreach (var (id, scope) in scopes.Where(s => guard.GetValueOrDefault(s.Value) != s.Key))
        {
            findings.Add(new("canned-code-missing", "canned:" + id,
                $"canned-codes does not point {scope} here: another response could take its code"));
        }
    }

    private static string? ScopeOf(string json)
    {
        try
        {
            var stored = JsonSerializer.Deserialize(json, StoreJsonContext.Default.StoredCannedResponse);
            return stored is null ? null : new CannedResponse(
                stored.Id, stored.ShortCode, stored.Title, stored.Text,
                stored.Visibility == "shared" ? CannedResponseVisibility.Shared : CannedResponseVisibility.Personal,
                stored.OwnerAgentId, default).ShortCodeScope;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
