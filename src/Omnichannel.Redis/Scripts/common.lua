-- Shared by every script (prepended at load time). ARGV[1] is the workspace key prefix "oc:{ws}:",
-- ARGV[2] the caller's clock in Unix milliseconds, ARGV[3] the event log cap.
-- Keys are built from the prefix: they all share the {ws} hash tag, so one script touches one cluster slot.
local P = ARGV[1]
local NOW = ARGV[2]
local EVENT_CAP = tonumber(ARGV[3])

-- The list indices a conversation belongs to, given its status, assignee ('' = none) and queue.
local function index_keys(status, assignee, queue)
  local keys = { P .. 'idx:all', P .. 'idx:all:' .. status }
  if assignee ~= '' then
    keys[3] = P .. 'idx:agent:' .. assignee
    keys[4] = P .. 'idx:agent:' .. assignee .. ':' .. status
  else
    keys[3] = P .. 'idx:unassigned:' .. queue
    keys[4] = P .. 'idx:unassigned:' .. queue .. ':' .. status
    keys[5] = P .. 'idx:unassigned-all'
    keys[6] = P .. 'idx:unassigned-all:' .. status
  end
  return keys
end

-- Moves a conversation from the indices of its old state (nil for a new one) to those of its new state.
local function reindex(id, old, new, score)
  if old then
    for _, k in ipairs(index_keys(old.status, old.assignee, old.queue)) do
      redis.call('ZREM', k, id)
    end
  end
  for _, k in ipairs(index_keys(new.status, new.assignee, new.queue)) do
    redis.call('ZADD', k, score, id)
  end
end

-- Reads the fields that decide which indices a conversation is in; nil when it does not exist.
local function conversation_state(id)
  local f = redis.call('HMGET', P .. 'conv:' .. id, 'status', 'assigneeId', 'queue', 'lastActivityAt', 'channel')
  if not f[1] then
    return nil
  end
  return { status = f[1], assignee = f[2] or '', queue = f[3], score = f[4], channel = f[5] }
end

-- Appends one event to the workspace log in the same script as the change it describes.
local function emit(event)
  local seq = redis.call('INCR', P .. 'events:seq')
  event.seq = seq
  event.at = NOW
  redis.call('ZADD', P .. 'events', seq, cjson.encode(event))
  local size = redis.call('ZCARD', P .. 'events')
  if size > EVENT_CAP then
    redis.call('ZREMRANGEBYRANK', P .. 'events', 0, size - EVENT_CAP - 1)
  end
  return seq
end
