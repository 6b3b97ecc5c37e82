-- Stores one inbound message: dedup -> contact -> conversation -> message -> indices -> events, atomically.
-- KEYS: 1 events:seq (routes the call to the workspace's slot), 2 this operation's undo journal (embedded store
-- only, journal.lua): every write goes through a j_* helper.
-- ARGV: 4 dedup suffix, 5 channel, 6 account, 7 queue, 8 thread key name after the prefix ('' = one thread per
--       contact, thread:{channel}:{account}:contact:{id}; RedisKeys.Thread keeps supplied keys out of that name),
--       9 subject, 10 sender name, 11 new contact id, 12 new conversation id, 13 new message id,
--       14 identity count N, 15 automated ('1': recorded only, never reopens or routes; a new conversation starts resolved),
--       16 conversation to continue ('' = none) and 17 the reply of it the message answers: continued only when that
--       reply is an outbound message of it, 18 the thread's former key name ('' = none): moved to ARGV[8] once,
--       19 claimed identity count M, 20..19+N verified identities "kind:value" (sender first), then M claimed ones
--       (typed into an anonymous channel: recorded on the contact, never used to find or link one), then message
--       field/value pairs.
-- Returns { conversationId, messageId, contactId, duplicate, created, reopened, seq, previous status, status seq,
-- assignments } (previous status '' for a new conversation; conversation seq is that of the created/reopened/status
-- event, or 0; assignments flattened { conv, from, to, reason, seq, ... } made by routing in this same script).
local dedup_key = P .. 'dedup:' .. ARGV[4]
local seen = redis.call('GET', dedup_key)
if seen then
  local conv, msg, contact = string.match(seen, '^([^|]+)|([^|]+)|([^|]+)$')
  return { conv, msg, contact, 1, 0, 0, 0, '', 0, {} }
end

local channel, account, queue = ARGV[5], ARGV[6], ARGV[7]
local identity_count = tonumber(ARGV[14])
local claim_count = tonumber(ARGV[19])
local automated = ARGV[15] == '1'
local identity_index = P .. 'identity'

-- Continuing a conversation needs one of its own replies (the customer answers it).
local continue_id = nil
if ARGV[16] ~= '' then
  local reply = redis.call('HMGET', P .. 'msg:' .. ARGV[17], 'conversationId', 'direction')
  if reply[1] == ARGV[16] and reply[2] == 'out' then
    continue_id = ARGV[16]
  end
end

-- Contact: by the sender's identity, else by any other verified identity given.
local contact_id = nil
local created_contact = false
for i = 1, identity_count do
  contact_id = redis.call('HGET', identity_index, ARGV[19 + i])
  if contact_id then
    break
  end
end
if not contact_id and continue_id then
  -- The sender answers our reply from an address the conversation's contact only claimed: the claim is verified.
  local owner = redis.call('HGET', P .. 'conv:' .. continue_id, 'contactId')
  if owner and redis.call('SISMEMBER', P .. 'contact:' .. owner .. ':claimed', ARGV[20]) == 1 then
    contact_id = owner
  end
end
if not contact_id then
  contact_id = ARGV[11]
  created_contact = true
  j_hset(P .. 'contact:' .. contact_id, 'id', contact_id, 'createdAt', NOW, 'updatedAt', NOW)
  j_zadd(P .. 'contacts', NOW, contact_id)
end
local contact_key = P .. 'contact:' .. contact_id
for i = 1, identity_count do
  local identity = ARGV[19 + i]
  -- An identity already owned by someone else stays theirs: merging people is a human decision.
  if j_hsetnx(identity_index, identity, contact_id) == 1 then
    j_sadd(contact_key .. ':identities', identity)
    if string.sub(identity, 1, 6) == 'email:' and (redis.call('HEXISTS', contact_key, 'email') == 0
        or redis.call('HGET', contact_key, 'emailClaimed') == '1') then
      j_hset(contact_key, 'email', string.sub(identity, 7))
      j_hdel(contact_key, 'emailClaimed')
    end
  end
end
for i = 1, claim_count do
  -- Claimed (typed into a form, unverified): recorded for agents, owned by nobody, never merges two people.
  local identity = ARGV[19 + identity_count + i]
  if redis.call('SISMEMBER', contact_key .. ':identities', identity) == 0 then
    j_sadd(contact_key .. ':claimed', identity)
    if string.sub(identity, 1, 6) == 'email:' and redis.call('HEXISTS', contact_key, 'email') == 0 then
      j_hset(contact_key, 'email', string.sub(identity, 7), 'emailClaimed', '1')
    end
  end
end
-- Channel input names a new contact (or one without a name) but never renames one: an agent decides that.
if ARGV[10] ~= '' and (created_contact or redis.call('HEXISTS', contact_key, 'name') == 0) then
  j_hset(contact_key, 'name', ARGV[10], 'updatedAt', NOW)
end

-- Conversation: the thread's current one, reopened when resolved, or a new one.
local thread_key = P .. ARGV[8]
if ARGV[8] == '' then
  thread_key = P .. 'thread:' .. channel .. ':' .. account .. ':contact:' .. contact_id
end
local conv_id = redis.call('GET', thread_key)
if not conv_id and ARGV[18] ~= '' then
  -- A thread stored before its channel namespaced thread keys: it moves to its new key, and only one key holds it.
  local former = P .. ARGV[18]
  conv_id = redis.call('GET', former)
  if conv_id then
    j_set(thread_key, conv_id)
    j_del(former)
    j_hset(P .. 'conv:' .. conv_id, 'threadKey', thread_key)
  end
end
if continue_id then
  conv_id = continue_id
end
local created, reopened = 0, 0
local old = nil
if conv_id then
  old = conversation_state(conv_id)
end
if old and automated then
  -- Recorded only: status, assignee and the unanswered clock stay as they were.
elseif old then
  if old.status == 'resolved' then
    reopened = 1
    j_hset(P .. 'conv:' .. conv_id, 'reopenedAt', NOW)
  end
  if old.status == 'snoozed' then
    j_zrem(P .. 'snoozed', conv_id)
    j_hdel(P .. 'conv:' .. conv_id, 'snoozedUntil')
  end
  j_hset(P .. 'conv:' .. conv_id, 'status', 'open', 'lastActivityAt', NOW, 'lastInboundAt', NOW)
  if j_hsetnx(P .. 'conv:' .. conv_id, 'unansweredSince', NOW) == 1 and old.assignee ~= '' and old.status == 'open' then
    -- The customer is waiting again on an agent who holds the conversation: its unanswered timeout starts.
    local queue = queue_settings(old.queue)
    if queue and queue.timeout and queue.timeout > 0 then
      j_zadd_nx(P .. 'timeouts', NOW_MS + queue.timeout * 60000, conv_id)
    end
  end
else
  conv_id = ARGV[12]
  created = 1
  local fields = { 'id', conv_id, 'channel', channel, 'account', account, 'contactId', contact_id,
    'status', automated and 'resolved' or 'open', 'queue', queue, 'tier', 'L1', 'createdAt', NOW, 'lastActivityAt', NOW,
    'lastInboundAt', NOW, 'threadKey', thread_key, 'msgSeq', 0, 'messageCount', 0 }
  if not automated then
    fields[#fields + 1] = 'unansweredSince'
    fields[#fields + 1] = NOW
  end
  if ARGV[9] ~= '' then
    fields[#fields + 1] = 'subject'
    fields[#fields + 1] = ARGV[9]
  end
  j_hset(P .. 'conv:' .. conv_id, unpack(fields))
  j_set(thread_key, conv_id)
  j_zadd(contact_key .. ':conversations', NOW, conv_id)
end
local new_state = { status = 'open', assignee = old and old.assignee or '', queue = old and old.queue or queue }
if automated then
  new_state.status = old and old.status or 'resolved'
end
if not (old and automated) then
  reindex(conv_id, old, new_state, NOW)
end

-- Message.
local conv_key = P .. 'conv:' .. conv_id
local msg_id = ARGV[13]
local msg_seq = j_hincrby(conv_key, 'msgSeq', 1)
j_hincrby(conv_key, 'messageCount', 1)
local msg = { 'id', msg_id, 'conversationId', conv_id, 'seq', msg_seq, 'direction', 'in',
  'authorKind', 'contact', 'authorId', contact_id, 'createdAt', NOW, 'delivery', 'none' }
for i = 20 + identity_count + claim_count, #ARGV do
  msg[#msg + 1] = ARGV[i]
end
j_hset(P .. 'msg:' .. msg_id, unpack(msg))
j_zadd(conv_key .. ':messages', msg_seq, msg_id)
j_set(dedup_key, conv_id .. '|' .. msg_id .. '|' .. contact_id)

local conversation_seq = 0
if created == 1 then
  conversation_seq = emit({ type = 'conversation.created', conversationId = conv_id, contactId = contact_id, queue = new_state.queue, channel = channel })
elseif reopened == 1 then
  conversation_seq = emit({ type = 'conversation.reopened', conversationId = conv_id, assigneeId = new_state.assignee })
elseif old.status ~= 'open' and not automated then
  -- A pending or snoozed conversation the customer writes to is open again: say so like an agent's change would.
  conversation_seq = emit({ type = 'conversation.status_changed', conversationId = conv_id, previous = old.status,
    status = 'open', actorId = contact_id })
end
local seq = emit({ type = 'message.created', conversationId = conv_id, messageId = msg_id, direction = 'in',
  automated = automated or nil })

-- Routing (Core: ReopenRule, QueueDrainer). A reopened conversation goes back to its last agent only if that agent
-- is eligible now; otherwise it returns to the queue. A conversation waiting in its queue is drained with it.
local changes = {}
if reopened == 1 and new_state.assignee ~= '' then
  local last = new_state.assignee
  local member = redis.call('SISMEMBER', P .. 'queue:' .. new_state.queue .. ':members', last) == 1
  local current = conversation_state(conv_id)
  local s = agent_state(last, member)
  -- The reopened conversation already counts in the agent's open ones: judge capacity without it.
  s.open = s.open - 1
  if is_eligible(s) then
    local queue = queue_settings(new_state.queue)
    if queue and queue.timeout and queue.timeout > 0 then
      j_zadd(P .. 'timeouts', NOW_MS + queue.timeout * 60000, conv_id)
    end
    audit({ type = 'conversation.assigned', conversationId = conv_id, queue = new_state.queue, from = last, to = last,
      reason = 'reopened', actorId = 'system' })
  else
    local unassign_seq = assign_to(conv_id, current, '', 'reopened', 'system', nil)
    changes[#changes + 1] = { conv_id, last, '', 'reopened', unassign_seq }
  end
end
if (new_state.assignee == '' or #changes > 0) and not automated then
  drain(new_state.queue, changes)
end
journal_done()
return { conv_id, msg_id, contact_id, 0, created, reopened, seq, (old and not automated) and old.status or '', conversation_seq, flatten(changes) }
