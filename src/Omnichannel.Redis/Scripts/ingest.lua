-- Stores one inbound message: dedup -> contact -> conversation -> message -> indices -> events, atomically.
-- ARGV: 4 dedup suffix, 5 channel, 6 account, 7 queue, 8 thread key ('' = one per contact), 9 subject,
--       10 sender name, 11 new contact id, 12 new conversation id, 13 new message id,
--       14 identity count N, 15..14+N identities "kind:value" (sender first), then message field/value pairs.
-- Returns { conversationId, messageId, contactId, duplicate, created, reopened, seq, previous status, status seq }
-- (previous status '' for a new conversation; conversation seq is that of the created/reopened/status event, or 0).
local dedup_key = P .. 'dedup:' .. ARGV[4]
local seen = redis.call('GET', dedup_key)
if seen then
  local conv, msg, contact = string.match(seen, '^([^|]+)|([^|]+)|([^|]+)$')
  return { conv, msg, contact, 1, 0, 0, 0, '', 0 }
end

local channel, account, queue = ARGV[5], ARGV[6], ARGV[7]
local identity_count = tonumber(ARGV[14])
local identity_index = P .. 'identity'

-- Contact: by the sender's identity, else by any other identity given (an email typed in a form).
local contact_id = nil
for i = 1, identity_count do
  contact_id = redis.call('HGET', identity_index, ARGV[14 + i])
  if contact_id then
    break
  end
end
if not contact_id then
  contact_id = ARGV[11]
  redis.call('HSET', P .. 'contact:' .. contact_id, 'id', contact_id, 'createdAt', NOW, 'updatedAt', NOW)
  redis.call('ZADD', P .. 'contacts', NOW, contact_id)
end
local contact_key = P .. 'contact:' .. contact_id
for i = 1, identity_count do
  local identity = ARGV[14 + i]
  -- An identity already owned by someone else stays theirs: merging people is a human decision.
  if redis.call('HSETNX', identity_index, identity, contact_id) == 1 then
    redis.call('SADD', contact_key .. ':identities', identity)
    if string.sub(identity, 1, 6) == 'email:' and redis.call('HEXISTS', contact_key, 'email') == 0 then
      redis.call('HSET', contact_key, 'email', string.sub(identity, 7))
    end
  end
end
if ARGV[10] ~= '' then
  redis.call('HSET', contact_key, 'name', ARGV[10], 'updatedAt', NOW)
end

-- Conversation: the thread's current one, reopened when resolved, or a new one.
local thread = ARGV[8]
if thread == '' then
  thread = 'contact:' .. contact_id
end
local thread_key = P .. 'thread:' .. channel .. ':' .. account .. ':' .. thread
local conv_id = redis.call('GET', thread_key)
local created, reopened = 0, 0
local old = nil
if conv_id then
  old = conversation_state(conv_id)
end
if old then
  if old.status == 'resolved' then
    reopened = 1
    redis.call('HSET', P .. 'conv:' .. conv_id, 'reopenedAt', NOW)
  end
  if old.status == 'snoozed' then
    redis.call('ZREM', P .. 'snoozed', conv_id)
    redis.call('HDEL', P .. 'conv:' .. conv_id, 'snoozedUntil')
  end
  redis.call('HSET', P .. 'conv:' .. conv_id, 'status', 'open', 'lastActivityAt', NOW, 'lastInboundAt', NOW)
else
  conv_id = ARGV[12]
  created = 1
  local fields = { 'id', conv_id, 'channel', channel, 'account', account, 'contactId', contact_id,
    'status', 'open', 'queue', queue, 'tier', 'L1', 'createdAt', NOW, 'lastActivityAt', NOW,
    'lastInboundAt', NOW, 'threadKey', thread_key, 'msgSeq', 0, 'messageCount', 0 }
  if ARGV[9] ~= '' then
    fields[#fields + 1] = 'subject'
    fields[#fields + 1] = ARGV[9]
  end
  redis.call('HSET', P .. 'conv:' .. conv_id, unpack(fields))
  redis.call('SET', thread_key, conv_id)
  redis.call('ZADD', contact_key .. ':conversations', NOW, conv_id)
end
local new_state = { status = 'open', assignee = old and old.assignee or '', queue = old and old.queue or queue }
reindex(conv_id, old, new_state, NOW)

-- Message.
local conv_key = P .. 'conv:' .. conv_id
local msg_id = ARGV[13]
local msg_seq = redis.call('HINCRBY', conv_key, 'msgSeq', 1)
redis.call('HINCRBY', conv_key, 'messageCount', 1)
local msg = { 'id', msg_id, 'conversationId', conv_id, 'seq', msg_seq, 'direction', 'in',
  'authorKind', 'contact', 'authorId', contact_id, 'createdAt', NOW, 'delivery', 'none' }
for i = 15 + identity_count, #ARGV do
  msg[#msg + 1] = ARGV[i]
end
redis.call('HSET', P .. 'msg:' .. msg_id, unpack(msg))
redis.call('ZADD', conv_key .. ':messages', msg_seq, msg_id)
redis.call('SET', dedup_key, conv_id .. '|' .. msg_id .. '|' .. contact_id)

local conversation_seq = 0
if created == 1 then
  conversation_seq = emit({ type = 'conversation.created', conversationId = conv_id, contactId = contact_id, queue = new_state.queue, channel = channel })
elseif reopened == 1 then
  conversation_seq = emit({ type = 'conversation.reopened', conversationId = conv_id, assigneeId = new_state.assignee })
elseif old.status ~= 'open' then
  -- A pending or snoozed conversation the customer writes to is open again: say so like an agent's change would.
  conversation_seq = emit({ type = 'conversation.status_changed', conversationId = conv_id, previous = old.status,
    status = 'open', actorId = contact_id })
end
local seq = emit({ type = 'message.created', conversationId = conv_id, messageId = msg_id, direction = 'in' })
return { conv_id, msg_id, contact_id, 0, created, reopened, seq, old and old.status or '', conversation_seq }
