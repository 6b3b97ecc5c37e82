-- Appends an agent's reply (delivery pending, queued in the channel's outbox) or a private note.
-- ARGV: 4 conversation id, 5 message id, 6 private ('1'|'0'), 7 author kind, 8 author id, then message field/value pairs.
-- Returns { messageId, seq, channel }, or nil when the conversation does not exist.
local conv_id, msg_id = ARGV[4], ARGV[5]
local state = conversation_state(conv_id)
if not state then
  return nil
end
local is_private = ARGV[6] == '1'
local conv_key = P .. 'conv:' .. conv_id
local msg_seq = redis.call('HINCRBY', conv_key, 'msgSeq', 1)
redis.call('HINCRBY', conv_key, 'messageCount', 1)
local msg = { 'id', msg_id, 'conversationId', conv_id, 'seq', msg_seq, 'direction', 'out',
  'authorKind', ARGV[7], 'authorId', ARGV[8], 'createdAt', NOW,
  'private', is_private and '1' or '0', 'delivery', is_private and 'none' or 'pending' }
for i = 9, #ARGV do
  msg[#msg + 1] = ARGV[i]
end
redis.call('HSET', P .. 'msg:' .. msg_id, unpack(msg))
redis.call('ZADD', conv_key .. ':messages', msg_seq, msg_id)

if not is_private then
  -- The customer has an answer: nothing is unanswered, and the unanswered timeout stops.
  redis.call('HDEL', conv_key, 'unansweredSince')
  redis.call('ZREM', P .. 'timeouts', conv_id)
  redis.call('HSET', conv_key, 'lastActivityAt', NOW)
  redis.call('HSETNX', conv_key, 'firstResponseAt', NOW)
  -- ZADD on the current indices only moves the score: the conversation rises to the top of its lists.
  reindex(conv_id, nil, state, NOW)
  redis.call('RPUSH', P .. 'outbox:' .. state.channel, msg_id)
end

local seq = emit({ type = 'message.created', conversationId = conv_id, messageId = msg_id, direction = 'out',
  private = is_private, actorId = ARGV[8] })
return { msg_id, seq, state.channel }
