using System.Text.Json;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Sla;
using Omnichannel.Core.Validation;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// SLA policies. Keys (prefix <c>oc:{ws}:</c>): <c>sla-policy:{id}</c> string, the policy as JSON
/// (<c>{"id", "definition", "updatedAt"}</c>, where <c>definition</c> is the API's <see cref="SlaPolicyDefinition"/>);
/// <c>sla-policies</c> set of ids. Saved and deleted by the scripts that keep any record with its set (shift_save.lua,
/// shift_delete.lua), so a policy is never stored unlisted.
/// </summary>
public sealed class RedisSlaPolicyStore(RedisConnection connection) : ISlaPolicyStore
{
    private readonly RedisKeys _keys = connection.Keys;

    public async Task<IReadOnlyList<SlaPolicy>> ListAsync(CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var ids = (await db.SetMembersAsync(_keys.SlaPolicies)).Select(id => (string)id!).Where(Slugs.IsValid).ToList();
        var values = ids.Count == 0 ? [] : await db.StringGetAsync([.. ids.Select(id => (RedisKey)_keys.SlaPolicy(id))]);
        return [.. values.Where(v => !v.IsNull).Select(Read)
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Id, StringComparer.Ordinal)];
    }

    public async Task<SlaPolicy?> GetAsync(string policyId, CancellationToken cancellationToken = default)
    {
        if (!Slugs.IsValid(policyId))
        {
            return null;
        }

        var db = await connection.DatabaseAsync();
        var json = await db.StringGetAsync(_keys.SlaPolicy(policyId));
        return json.IsNull ? null : Read(json);
    }

    public async Task<SlaPolicy?> SaveAsync(SlaPolicy policy, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var stored = new StoredSlaPolicy(policy.Id, SlaPolicyDefinition.From(policy), now.ToUnixTimeMilliseconds());
        var json = JsonSerializer.Serialize(stored, StoreJsonContext.Default.StoredSlaPolicy);
        var old = await connection.EvaluateJournaledAsync(
            LuaScripts.ShiftSave, connection.JournaledCall([_keys.SlaPolicy(policy.Id), _keys.SlaPolicies, json, policy.Id]));
        return old.IsNull ? null : Read((RedisValue)old);
    }

    public async Task<SlaPolicy?> DeleteAsync(string policyId, CancellationToken cancellationToken = default)
    {
        if (!Slugs.IsValid(policyId))
        {
            return null;
        }

        var old = await connection.EvaluateJournaledAsync(
            LuaScripts.ShiftDelete, connection.JournaledCall([_keys.SlaPolicy(policyId), _keys.SlaPolicies, policyId]));
        return old.IsNull ? null : Read((RedisValue)old);
    }

    private static SlaPolicy Read(RedisValue json)
    {
        var stored = JsonSerializer.Deserialize((string)json!, StoreJsonContext.Default.StoredSlaPolicy)
            ?? throw new InvalidDataException("A stored SLA policy is JSON null.");
        try
        {
            return stored.Definition.ToPolicy(stored.Id);
        }
        catch (RequestValidationException invalid)
        {
            // Only possible if the rules tightened or a time zone left the system's tz database since the save.
            throw new InvalidDataException($"Stored SLA policy '{stored.Id}' is no longer valid: {invalid.Message}", invalid);
        }
    }
}
