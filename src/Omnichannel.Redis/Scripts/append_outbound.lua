-- Appends an agent's reply (delivery pending, queued in the channel's outbox) or a private note. Journaled
-- (journal.lua): after a crash the message and its outbox entry are both there or neither.
-- ARGV: 4 conversation id, 5 message id, 6 private ('1'|'0'), 7 author kind, 8 author id, then message field/value pairs.
-- Returns { messageId, seq, channel }, or nil when the conversation does not exist; seq is 0 when the message is
-- stored already (a caller-named id written before: an incident's reply repeated), and then nothing is written.
local conv_id, msg_id = ARGV[4], ARGV[5]
local state = conversation_state(conv_id)
if not state then
  return nil
end
if redis.call('EXISTS', P .. 'msg:' .. msg_id) == 1 then
  journal_done()
  return { msg_id, 0, state.channel }
end
local is_private = ARGV[6] == '1'
local conv_key = P .. 'conv:' .. conv_id
local msg_seq = j_hincrby(conv_key, 'msgSeq', 1)
j_hincrby(conv_key, 'messageCount', 1)
local msg = { 'id', msg_id, 'conversationId', conv_id, 'seq', msg_seq, 'direction', 'out',
  'authorKind', ARGV[7], 'authorId', ARGV[8], 'createdAt', NOW,
  'private', is_private and '1' or '0', 'delivery', is_private and 'none' or 'pending' }
for i = 9, #ARGV do
  msg[#msg + 1] = ARGV[i]
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

local seq = emit({ type = 'message.created', conversationId = conv_id, messageId = msg_id, direction = 'out',
  private = is_private, actorId = ARGV[8] })
journal_done()
return { msg_id, seq, state.channel }
