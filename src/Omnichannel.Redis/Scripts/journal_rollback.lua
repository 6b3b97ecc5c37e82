-- Rolls back one unfinished operation (docs/store.md, "Crash atomicity"). KEYS[1] is its undo journal (journal.lua
-- lists the record formats). Each record, newest first, restores the state its write found and is then popped, so
-- the journal shrinks as the roll-back goes and is gone when it is done. Returns how many records were undone.
--
-- No MULTI/EXEC: a transaction a kill tears stays open at the end of Garnet's append-only file and later recoveries
-- fail. Garnet does not recover this script whole either; what a kill leaves is a prefix of its writes: the records
-- not yet popped, the newest of them perhaps already undone (in part or whole). Every undo sets a state rather than
-- changing one (an "lpush" pushes back only onto a list shorter than it was before its write), so undoing that
-- record again changes nothing, and the next start finishes the roll-back. Run as one script, it is also never
-- interleaved with a client's commands (Redis isolates scripts; the embedded store has one connection).
local journal = KEYS[1]

-- A value as the operation's script read it: false (Lua's nil from a read) is absent.
local function value(v)
  if type(v) == 'string' or type(v) == 'number' then
    return v
  end
  return nil
end

-- A length or a time as an integer argument: cjson may decode it as a float, and Garnet's Lua would pass 2.0.
local function int(v)
  return string.format('%d', tonumber(v))
end

local undo = {}

undo.h = function(key, r)
  for i, field in ipairs(r[3]) do
    local old = value(r[4][i])
    if old then
      redis.call('HSET', key, field, old)
    else
      redis.call('HDEL', key, field)
    end
  end
end

undo.z = function(key, r)
  local old = value(r[4])
  if old then
    redis.call('ZADD', key, old, r[3])
  else
    redis.call('ZREM', key, r[3])
  end
end

undo.s = function(key, r)
  redis.call('SREM', key, r[3])
end

undo.srem = function(key, r)
  redis.call('SADD', key, r[3])
end

undo.k = function(key, r)
  local old = value(r[3])
  if old then
    redis.call('SET', key, old)
  else
    redis.call('DEL', key)
  end
end

undo.kpx = function(key, r)
  local old, ttl = value(r[3]), tonumber(r[4])
  if not old then
    redis.call('DEL', key)
  elseif ttl > 0 then
    redis.call('SET', key, old, 'PX', int(ttl))
  else
    redis.call('SET', key, old)
  end
end

-- -2: the key was absent, so its expiry was never there to change; -1: it had none.
undo.ttl = function(key, r)
  local left = tonumber(r[3])
  if left > 0 then
    redis.call('PEXPIRE', key, int(left))
  elseif left ~= -2 then
    redis.call('PERSIST', key)
  end
end

undo.ltrim = function(key, r)
  local length = tonumber(r[3])
  if length == 0 then
    redis.call('DEL', key)
  else
    redis.call('LTRIM', key, 0, int(length - 1))
  end
end

-- Every write before a record's is undone by then, so the list has its length after the write: shorter. Not shorter,
-- the values are back already (a roll-back cut off after this undo) or were never taken (the newest record of a
-- script cut off before this write). One LPUSH, so the values come back all or none.
undo.lpush = function(key, r)
  if redis.call('LLEN', key) < tonumber(r[4]) then
    redis.call('LPUSH', key, unpack(r[3]))
  end
end

undo.zadd = function(key, r)
  local pairs_ = r[3]
  -- In slices: unpack has a limit, and re-adding a member at its score is the same state however often it runs.
  for first = 1, #pairs_, 1000 do
    redis.call('ZADD', key, unpack(pairs_, first, math.min(first + 999, #pairs_)))
  end
end

local undone = 0
while true do
  local raw = redis.call('LINDEX', journal, -1)
  if not raw then
    break
  end
  local record = cjson.decode(raw)
  local apply = undo[record[1]]
  if not apply then
    error('Unknown undo record ' .. raw)
  end
  apply(record[2], record)
  redis.call('RPOP', journal)
  undone = undone + 1
end
return undone
