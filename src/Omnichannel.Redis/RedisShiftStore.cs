using System.Text.Json;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Scheduling;
using Omnichannel.Core.Validation;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>
/// Shift definitions. Keys (prefix <c>oc:{ws}:</c>): <c>shift:{id}</c> string, the shift as JSON
/// (<c>{"id", "definition", "updatedAt"}</c>, where <c>definition</c> is the API's <see cref="ShiftDefinition"/>);
/// <c>shifts</c> set of ids.
/// </summary>
/// <remarks>
/// The stored form is the API contract rather than the <see cref="Shift"/> record, so it reads back through the same
/// <see cref="ShiftDefinition.ToShift"/> that accepted it and stays readable as long as the contract is.
/// </remarks>
public sealed class RedisShiftStore(RedisConnection connection) : IShiftStore
{
    // One round trip for the set and every shift in it. The shift keys are built from the prefix (ARGV[1]) like the
    // other scripts' keys; they share the declared key's hash tag, so the script stays on one cluster slot.
    private const string ListScript = """
        local shifts = {}
        for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
          local json = redis.call('GET', ARGV[1] .. 'shift:' .. id)
          if json then
            shifts[#shifts + 1] = json
          end
        end
        return shifts
        """;

    private readonly RedisKeys _keys = connection.Keys;

    public async Task<IReadOnlyList<Shift>> ListAsync(CancellationToken cancellationToken = default)
    {
        var db = await connection.DatabaseAsync();
        var result = await connection.EvaluateAsync(db, ListScript, [_keys.Shifts], [_keys.Prefix]);
        return [.. ((RedisValue[])result!).Select(Read).OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Id, StringComparer.Ordinal)];
    }

    public async Task<Shift?> GetAsync(string shiftId, CancellationToken cancellationToken = default)
    {
        if (!Slugs.IsValid(shiftId))
        {
            return null;
        }

        var db = await connection.DatabaseAsync();
        var json = await db.StringGetAsync(_keys.Shift(shiftId));
        return json.IsNull ? null : Read(json);
    }

    // shift_save.lua returns the replaced version from the same script, so the caller can tell exactly whose
    // schedules changed, even when two leads save the same shift at once.
    public async Task<Shift?> SaveAsync(Shift shift, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var old = await connection.EvaluateJournaledAsync(LuaScripts.ShiftSave, SaveCall(shift, now));
        return old.IsNull ? null : Read((RedisValue)old);
    }

    /// <summary>The keys and arguments of shift_save.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) SaveCall(Shift shift, DateTimeOffset now)
    {
        var stored = new StoredShift(shift.Id, ShiftDefinition.FromShift(shift), now.ToUnixTimeMilliseconds());
        var json = JsonSerializer.Serialize(stored, StoreJsonContext.Default.StoredShift);
        return connection.JournaledCall([_keys.Shift(shift.Id), _keys.Shifts, json, shift.Id]);
    }

    public async Task<Shift?> DeleteAsync(string shiftId, CancellationToken cancellationToken = default)
    {
        var old = await connection.EvaluateJournaledAsync(LuaScripts.ShiftDelete, DeleteCall(shiftId));
        return old.IsNull ? null : Read((RedisValue)old);
    }

    /// <summary>The keys and arguments of shift_delete.lua, and its undo journal (null when none is kept).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) DeleteCall(string shiftId) =>
        connection.JournaledCall([_keys.Shift(shiftId), _keys.Shifts, shiftId]);

    private static Shift Read(RedisValue json)
    {
        var stored = JsonSerializer.Deserialize((string)json!, StoreJsonContext.Default.StoredShift)
            ?? throw new InvalidDataException("A stored shift is JSON null.");
        try
        {
            return stored.Definition.ToShift(stored.Id);
        }
        catch (RequestValidationException invalid)
        {
            // Only possible if the rules tightened or a time zone left the system's tz database since the save:
            // that is the server's problem, not a bad request of whoever is reading.
            throw new InvalidDataException($"Stored shift '{stored.Id}' is no longer valid: {invalid.Message}", invalid);
        }
    }
}
