-- Shared by every script (prepended at load time). ARGV[1] is the workspace key prefix "oc:{ws}:",
-- ARGV[2] the caller's clock in Unix milliseconds, ARGV[3] the event log cap.
-- Keys are built from the prefix: they all share the {ws} hash tag, so one script touches one cluster slot.
local P = ARGV[1]
local NOW = ARGV[2]
local EVENT_CAP = tonumber(ARGV[3])
local NOW_MS = tonumber(NOW)
local AUDIT_CAP = 100000
local ACTIVITY_CAP = 500

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

-- An open, unassigned conversation waits in its queue, scored by when its customer started waiting
-- (the oldest unanswered message, else now): queue:{q}:waiting. Those with an SLA deadline (conv field slaDue, kept
-- by sla_save.lua) also wait in queue:{q}:waiting-sla, scored by it: the queue drains by deadline first, then age.
local function is_waiting(state)
  return state.status == 'open' and state.assignee == ''
end

-- Moves a conversation from the indices of its old state (nil for a new one) to those of its new state, and keeps
-- the queue's waiting list and the unanswered-timeout schedule in step with it.
local function reindex(id, old, new, score)
  if old then
    for _, k in ipairs(index_keys(old.status, old.assignee, old.queue)) do
      j_zrem(k, id)
    end
    if is_waiting(old) then
      j_zrem(P .. 'queue:' .. old.queue .. ':waiting', id)
      j_zrem(P .. 'queue:' .. old.queue .. ':waiting-sla', id)
    end
  end
  for _, k in ipairs(index_keys(new.status, new.assignee, new.queue)) do
    j_zadd(k, score, id)
  end
  if is_waiting(new) then
    local f = redis.call('HMGET', P .. 'conv:' .. id, 'unansweredSince', 'slaDue')
    j_zadd(P .. 'queue:' .. new.queue .. ':waiting', f[1] or NOW, id)
    if f[2] then
      j_zadd(P .. 'queue:' .. new.queue .. ':waiting-sla', f[2], id)
    end
  end
  if new.status ~= 'open' or new.assignee == '' then
    j_zrem(P .. 'timeouts', id)
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
  local seq = j_incr(P .. 'events:seq')
  event.seq = seq
  event.at = NOW
  j_zadd(P .. 'events', seq, cjson.encode(event))
  local size = redis.call('ZCARD', P .. 'events')
  j_ztrim_lowest(P .. 'events', size, EVENT_CAP)
  return seq
end

-- Appends one entry to the audit log (score = time; the zero-padded sequence keeps entries of one millisecond in
-- order) and, when it concerns a conversation, to that conversation's activity timeline.
local function audit(entry)
  local seq = j_incr(P .. 'audit:seq')
  entry.seq = seq
  entry.at = NOW_MS
  local json = cjson.encode(entry)
  j_zadd(P .. 'audit', NOW_MS, string.format('%015d', seq) .. json)
  local size = redis.call('ZCARD', P .. 'audit')
  j_ztrim_lowest(P .. 'audit', size, AUDIT_CAP)
  if entry.conversationId then
    local key = P .. 'conv:' .. entry.conversationId .. ':activity'
    j_rpush(key, json)
    j_ltrim_newest(key, ACTIVITY_CAP)
  end
  return seq
end

-- Appends an outgoing message (an agent's reply, delivery pending, or a private note) to a conversation whose state
-- the caller read; fields are extra field/value pairs (text, authorName, attachments). Returns the message's event
-- sequence. A reply also leaves the outbox entry for the channel and lifts the conversation in its lists.
local function append_message(conv_id, state, msg_id, is_private, author_kind, author_id, fields)
  local conv_key = P .. 'conv:' .. conv_id
  local msg_seq = j_hincrby(conv_key, 'msgSeq', 1)
  j_hincrby(conv_key, 'messageCount', 1)
  local msg = { 'id', msg_id, 'conversationId', conv_id, 'seq', msg_seq, 'direction', 'out',
    'authorKind', author_kind, 'authorId', author_id, 'createdAt', NOW,
    'private', is_private and '1' or '0', 'delivery', is_private and 'none' or 'pending' }
  for _, v in ipairs(fields) do
    msg[#msg + 1] = v
  end
  j_hset(P .. 'msg:' .. msg_id, unpack(msg))
  j_zadd(conv_key .. ':messages', msg_seq, msg_id)

  if not is_private then
    -- The customer has an answer: nothing is unanswered, and the unanswered timeout stops.
    j_hdel(conv_key, 'unansweredSince')
    j_zrem(P .. 'timeouts', conv_id)
    j_hset(conv_key, 'lastActivityAt', NOW)
    j_hsetnx(conv_key, 'firstResponseAt', NOW)
    -- ZADD on the current indices only moves the score: the conversation rises to the top of its lists.
    reindex(conv_id, nil, state, NOW)
    j_rpush(P .. 'outbox:' .. state.channel, msg_id)
  end

  return emit({ type = 'message.created', conversationId = conv_id, messageId = msg_id, direction = 'out',
    private = is_private, actorId = author_id })
end

