using System.Globalization;
using Omnichannel.Core.Inbound;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;
using Omnichannel.Redis.Checking;
using StackExchange.Redis;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>
/// Stops a journaled script after each of its writes in turn, as a crash leaves it on Garnet, and checks that the
/// checker reports the unfinished operation and that the roll-back restores exactly the store it found. The script
/// is stopped by a shim in front of it that raises an error before the (n+1)-th write: neither redis-server nor
/// Garnet undoes the writes of a script that failed, so the store holds its first n writes and their undo records,
/// which is what Garnet's replay of a script cut off by a kill leaves.
/// </summary>
internal static class JournalInterruption
{
    // Stops the ingest after 1, 2, 3 ... writes, each time checks what the checker says and rolls back, until the
    // script gets through; returns how many writes the whole ingest made.
    public static Task<int> InterruptEveryWayAsync(StoreUnderTest store, InboundMessage message,
        DateTimeOffset now) =>
        InterruptEveryWayAsync(store, LuaScripts.Ingest, store.Conversations.IngestCall(message, now));

    // The same for any journaled script and one call of it.
    public static async Task<int> InterruptEveryWayAsync(StoreUnderTest store, string script,
        (RedisKey[] Keys, RedisValue[] Args, string? Journal) call)
    {
        Assert.Empty(await CheckAsync(store));
        var before = await DumpAsync(store);
        var journal = call.Journal!;
        for (var writes = 1; ; writes++)
        {
            Assert.True(writes < 500, "the script never got through: a script error other than the test's stop?");
            if (await RunStoppedAsync(store.Db, script, call, writes))
            {
                Assert.False(await store.Db.KeyExistsAsync(journal), "a finished operation left its journal");
                Assert.Empty(await CheckAsync(store));
                // Allowed this many writes it got through, allowed one fewer it did not: it makes exactly this many.
                return writes;
            }

            var findings = await CheckAsync(store);
            Assert.Contains(findings, f => f.Kind == "journal-pending" && f.Key == journal[store.Keys.Prefix.Length..]);
            Assert.Equal(1, await JournalRecovery.RollBackAllAsync(store.Db));
            AssertSame(before, await DumpAsync(store), $"stopped after {writes} writes");
            Assert.Empty(await CheckAsync(store));
        }
    }

    // Stops the script after 1, 2, 3 ... writes and each time cuts the roll-back of what it left after 0, 1, 2 ...
    // of the roll-back's own writes, twice in a row (as a start killed during its roll-back, and the next one, do),
    // then rolls back whole: every cut must end in the store the script found, as an uninterrupted roll-back does.
    // Returns how many roll-backs were cut.
    public static async Task<int> InterruptRollBackEveryWayAsync(StoreUnderTest store, string script,
        (RedisKey[] Keys, RedisValue[] Args, string? Journal) call)
    {
        var before = await DumpAsync(store);
        var journal = call.Journal!;
        (RedisKey[], RedisValue[], string?) rollBack = (JournalRecovery.RollBackKeys(journal), [], null);
        var cut = 0;
        for (var writes = 1; ; writes++)
        {
            Assert.True(writes < 500, "the script never got through: a script error other than the test's stop?");
            if (await RunStoppedAsync(store.Db, script, call, writes))
            {
                return cut;
            }

            for (var undoWrites = 0; ; undoWrites++)
            {
                Assert.True(undoWrites < 5000, "the roll-back never got through");
                var when = $"stopped after {writes} writes, its roll-back after {undoWrites}";
                if (await RunStoppedAsync(store.Db, LuaScripts.JournalRollBack, rollBack, undoWrites))
                {
                    AssertSame(before, await DumpAsync(store), when + " (not cut)");
                    break;
                }

                cut++;
                Assert.Contains(await CheckAsync(store), f => f.Kind == "journal-pending");
                // The second cut may find little enough left to get through.
                var finished = await RunStoppedAsync(store.Db, LuaScripts.JournalRollBack, rollBack, undoWrites);
                Assert.Equal(finished ? 0 : 1, await JournalRecovery.RollBackAllAsync(store.Db));
                AssertSame(before, await DumpAsync(store), when);
                Assert.Empty(await CheckAsync(store));
                Assert.False(await RunStoppedAsync(store.Db, script, call, writes), "the script got further this time");
            }
        }
    }

    // True when the script got through, false when the shim stopped it after `writes` writes (journal records aside).
    public static async Task<bool> RunStoppedAsync(IDatabase db, string script,
        (RedisKey[] Keys, RedisValue[] Args, string? Journal) call, int writes)
    {
        try
        {
            await db.ScriptEvaluateAsync(StopAfter(writes) + script, call.Keys, call.Args);
            return true;
        }
        catch (RedisServerException)
        {
            return false;
        }
    }

    // A local `redis` shadows the global one for the script after it: the same commands, but the (n+1)-th write to
    // anything other than the journal raises an error before it is made.
    public static string StopAfter(int writes) => string.Create(CultureInfo.InvariantCulture, $$"""
        local redis_call = redis.call
        local writes_left = {{writes}}
        local WRITES = { HSET = 1, HSETNX = 1, HDEL = 1, HINCRBY = 1, ZADD = 1, ZREM = 1, ZREMRANGEBYRANK = 1, SADD = 1,
          SREM = 1, SET = 1, INCR = 1, RPUSH = 1, LTRIM = 1, LMOVE = 1, LREM = 1, DEL = 1, PEXPIRE = 1, PERSIST = 1,
          LPUSH = 1, RPOP = 1 }
        local redis = { call = function(command, key, ...)
          if WRITES[command] and key ~= KEYS[2] then
            if writes_left == 0 then
              error('stopped by the test')
            end
            writes_left = writes_left - 1
          end
          return redis_call(command, key, ...)
        end }

        """);

    public static void AssertSame(Dictionary<string, string> expected, Dictionary<string, string> actual, string when)
    {
        var differing = expected.Keys.Union(actual.Keys)
            .Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k))
            .Select(k => $"{k}: {expected.GetValueOrDefault(k) ?? "(none)"} -> "
                + (actual.GetValueOrDefault(k) ?? "(none)"))
            .ToList();
        Assert.True(differing.Count == 0, $"{when}:{Environment.NewLine}{string.Join(Environment.NewLine, differing)}");
    }

    public static async Task<IReadOnlyList<StoreFinding>> CheckAsync(StoreUnderTest store) =>
        (await new StoreChecker(store.Keys).CheckAsync(store.Db)).Findings;

    // Every key's content, and whether it expires: a roll-back that put a key back without its expiry would leave
    // it for ever (a session, an upload). The time left is not compared: it moves while the test runs.
    public static async Task<Dictionary<string, string>> DumpAsync(StoreUnderTest store)
    {
        var dump = await StoreDump.DumpAsync(store.Db, store.Keys.Prefix);
        foreach (var key in dump.Keys.ToList())
        {
            if (await store.Db.KeyTimeToLiveAsync(key) is not null)
            {
                dump[key] += " (expires)";
            }
        }

        return dump;
    }
}
