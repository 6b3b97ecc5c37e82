-- Sets a conversation's status. ARGV: 4 conversation id, 5 status, 6 snoozed-until ms ('' unless snoozed), 7 actor id.
-- Returns { previous, current, seq } (seq 0 when nothing changed), or nil when the conversation does not exist.
-- Journaled (journal.lua): the status, its lists and its event hold together after a crash.
local conv_id, status, until_ms = ARGV[4], ARGV[5], ARGV[6]
local state = conversation_state(conv_id)
if not state then
  return nil
end
local conv_key = P .. 'conv:' .. conv_id
if state.status == status and status ~= 'snoozed' then
  return { state.status, status, 0 }
end
j_hset(conv_key, 'status', status)
if status == 'resolved' then
  j_hset(conv_key, 'resolvedAt', NOW)
end
if status == 'snoozed' then
  j_hset(conv_key, 'snoozedUntil', until_ms)
  j_zadd(P .. 'snoozed', until_ms, conv_id)
else
  j_hdel(conv_key, 'snoozedUntil')
  j_zrem(P .. 'snoozed', conv_id)
end
local new_state = { status = status, assignee = state.assignee, queue = state.queue }
reindex(conv_id, state, new_state, state.score)
local seq = emit({ type = 'conversation.status_changed', conversationId = conv_id, previous = state.status,
  status = status, actorId = ARGV[7] })
journal_done()
return { state.status, status, seq }
