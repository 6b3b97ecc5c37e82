-- The undo journal (docs/store.md, "Crash atomicity"), prepended first to every script. Garnet replays a script
-- after a crash as far as its append-only file got, write by write: a killed server can come back with a script
-- half applied. KEYS[2], when the caller gives it, is this operation's journal (a list): every write made through
-- the helpers below first appends how to undo it, so whatever prefix of the script survives also holds the undo
-- records of every write in it. The script deletes the journal as its last write; a journal still there at start-up
-- belongs to an operation that never finished (never acknowledged), and JournalRecovery rolls it back, newest
-- record first (journal_rollback.lua, which a kill may cut and the next start finishes). Without KEYS[2]
-- (redis-server, which replays a script whole) the helpers are the plain commands.
--
-- Records are JSON arrays. Each restores the state its write found, whether or not that write was made: the newest
-- record of a journal may be all that made it of its write.
--   ["h", key, [field...], [old value or false...]]   hash fields (false: the field was absent)
--   ["z", key, member, old score or false]            sorted set member
--   ["s", key, member]                                set member that was added
--   ["srem", key, member]                             set member that was removed
--   ["k", key, old value or false]                    string
--   ["kpx", key, old value or false, old PTTL]        string with an expiry (PTTL -1: none)
--   ["ltrim", key, old length]                        values pushed on the right: keep the first old length
--   ["lpush", key, [value...], length before]         values trimmed from the left (or one removed by j_lrem_one), in
--                                                     LPUSH argument order; not
--                                                     pushed back when the list still has its length before (the
--                                                     trim never happened)
--   ["zadd", key, [score, member, ...]]               members trimmed from a sorted set
--   ["ttl", key, old PTTL]                            a key's expiry (PTTL -1: none, PERSIST; -2: the key was absent,
--                                                     nothing to restore). Written before the key's other records
--                                                     where a write can drop the key, so it is undone after them,
--                                                     once they have put the key back
local JOURNAL = KEYS[2]

local function journal(record)
  redis.call('RPUSH', JOURNAL, cjson.encode(record))
end

local function j_hset(key, ...)
  if JOURNAL then
    local pairs_ = { ... }
    local fields = {}
    for i = 1, #pairs_, 2 do
      fields[#fields + 1] = pairs_[i]
    end
    journal({ 'h', key, fields, redis.call('HMGET', key, unpack(fields)) })
  end
  return redis.call('HSET', key, ...)
end

local function j_hsetnx(key, field, value)
  if JOURNAL then
    if redis.call('HEXISTS', key, field) == 1 then
      return 0
    end
    journal({ 'h', key, { field }, { false } })
  end
  return redis.call('HSETNX', key, field, value)
end

local function j_hdel(key, field)
  if JOURNAL then
    local old = redis.call('HGET', key, field)
    if not old then
      return 0
    end
    journal({ 'h', key, { field }, { old } })
  end
  return redis.call('HDEL', key, field)
end

local function j_hincrby(key, field, by)
  if JOURNAL then
    journal({ 'h', key, { field }, { redis.call('HGET', key, field) } })
  end
  return redis.call('HINCRBY', key, field, by)
end

local function j_zadd(key, score, member)
  if JOURNAL then
    journal({ 'z', key, member, redis.call('ZSCORE', key, member) })
  end
  return redis.call('ZADD', key, score, member)
end

-- ZADD NX: writes only when the member is absent.
local function j_zadd_nx(key, score, member)
  if JOURNAL then
    if redis.call('ZSCORE', key, member) then
      return 0
    end
    journal({ 'z', key, member, false })
  end
  return redis.call('ZADD', key, 'NX', score, member)
end

local function j_zrem(key, member)
  if JOURNAL then
    local old = redis.call('ZSCORE', key, member)
    if not old then
      return 0
    end
    journal({ 'z', key, member, old })
  end
  return redis.call('ZREM', key, member)
end

local function j_sadd(key, member)
  if JOURNAL then
    if redis.call('SISMEMBER', key, member) == 1 then
      return 0
    end
    journal({ 's', key, member })
  end
  return redis.call('SADD', key, member)
end

local function j_srem(key, member)
  if JOURNAL then
    if redis.call('SISMEMBER', key, member) == 0 then
      return 0
    end
    journal({ 'srem', key, member })
  end
  return redis.call('SREM', key, member)
end

local function j_set(key, value)
  if JOURNAL then
    journal({ 'k', key, redis.call('GET', key) })
  end
  return redis.call('SET', key, value)
end

local function j_del(key)
  if JOURNAL then
    journal({ 'k', key, redis.call('GET', key) })
  end
  return redis.call('DEL', key)
end

local function j_incr(key)
  if JOURNAL then
    journal({ 'k', key, redis.call('GET', key) })
  end
  return redis.call('INCR', key)
end

local function j_rpush(key, value)
  if JOURNAL then
    journal({ 'ltrim', key, redis.call('LLEN', key) })
  end
  return redis.call('RPUSH', key, value)
end

-- LREM key 1 value, for a list used as a set (an outbox's in-flight list): the undo pushes the value back on the
-- left, so the order is not kept. Journaled only when the value is there, so an "lpush" record always means it was.
local function j_lrem_one(key, value)
  if JOURNAL then
    if not redis.call('LPOS', key, value) then
      return 0
    end
    journal({ 'lpush', key, { value }, redis.call('LLEN', key) })
  end
  return redis.call('LREM', key, 1, value)
end

-- LTRIM key -cap -1: keeps the newest cap values of a list.
local function j_ltrim_newest(key, cap)
  if JOURNAL then
    local removed = redis.call('LRANGE', key, 0, -cap - 1)
    if #removed == 0 then
      return
    end
    local args = {}
    for i = #removed, 1, -1 do
      args[#args + 1] = removed[i]
    end
    journal({ 'lpush', key, args, redis.call('LLEN', key) })
  end
  redis.call('LTRIM', key, -cap, -1)
end

-- ZREMRANGEBYRANK key 0 (size - cap - 1): keeps the highest-ranked cap members of a sorted set.
local function j_ztrim_lowest(key, size, cap)
  if size <= cap then
    return
  end
  if JOURNAL then
    local removed = redis.call('ZRANGE', key, 0, size - cap - 1, 'WITHSCORES')
    local args = {}
    for i = 1, #removed, 2 do
      args[#args + 1] = removed[i + 1]
      args[#args + 1] = removed[i]
    end
    journal({ 'zadd', key, args })
  end
  redis.call('ZREMRANGEBYRANK', key, 0, size - cap - 1)
end

-- SET key value PX ms: the undo restores the old value with the time it had left.
local function j_set_px(key, value, ms)
  if JOURNAL then
    local old = redis.call('GET', key)
    journal({ 'kpx', key, old, old and redis.call('PTTL', key) or -1 })
  end
  return redis.call('SET', key, value, 'PX', ms)
end

-- LMOVE src dst LEFT RIGHT. Two records: dst's length (drop what lands on its right), then src's first value with
-- src's length, newest, so that recovery pushes it back only when src is shorter (the move happened).
local function j_lmove_left_right(src, dst)
  if JOURNAL then
    local first = redis.call('LINDEX', src, 0)
    if not first then
      return nil
    end
    journal({ 'ltrim', dst, redis.call('LLEN', dst) })
    journal({ 'lpush', src, { first }, redis.call('LLEN', src) })
  end
  return redis.call('LMOVE', src, dst, 'LEFT', 'RIGHT')
end

-- DEL of a sorted set: the undo adds its members back (after undoing whatever the script added since).
local function j_del_zset(key)
  if JOURNAL then
    local members = redis.call('ZRANGE', key, 0, -1, 'WITHSCORES')
    if #members == 0 then
      return 0
    end
    local args = {}
    for i = 1, #members, 2 do
      args[#args + 1] = members[i + 1]
      args[#args + 1] = members[i]
    end
    journal({ 'zadd', key, args })
  end
  return redis.call('DEL', key)
end

-- PEXPIRE key ms: the undo restores the expiry the key had (its time left then, or none).
local function j_pexpire(key, ms)
  if JOURNAL then
    journal({ 'ttl', key, redis.call('PTTL', key) })
  end
  return redis.call('PEXPIRE', key, ms)
end

-- Writes nothing: records the key's expiry before writes that can remove the key (the last field of a hash
-- deleted), whose undo records put the key back without it.
local function j_keep_ttl(key)
  if JOURNAL then
    local ttl = redis.call('PTTL', key)
    if ttl ~= -2 then
      journal({ 'ttl', key, ttl })
    end
  end
end

-- DEL of a hash: the undo puts back its fields and then its expiry.
local function j_del_hash(key)
  if JOURNAL then
    local all = redis.call('HGETALL', key)
    if #all == 0 then
      return 0
    end
    local fields, values = {}, {}
    for i = 1, #all, 2 do
      fields[#fields + 1] = all[i]
      values[#values + 1] = all[i + 1]
    end
    j_keep_ttl(key)
    journal({ 'h', key, fields, values })
  end
  return redis.call('DEL', key)
end

-- DEL of a string with an expiry: the undo restores the value with the time it had left.
local function j_del_px(key)
  if JOURNAL then
    local old = redis.call('GET', key)
    if not old then
      return 0
    end
    journal({ 'kpx', key, old, redis.call('PTTL', key) })
  end
  return redis.call('DEL', key)
end

-- The operation is whole: its last write drops its journal.
local function journal_done()
  if JOURNAL then
    redis.call('DEL', JOURNAL)
  end
end
