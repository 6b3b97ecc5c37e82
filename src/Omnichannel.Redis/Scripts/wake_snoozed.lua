-- Reopens snoozed conversations whose time has come. ARGV: 4 max count. Returns { id1, seq1, id2, seq2, ... } of the reopened ones.
-- Journaled (journal.lua): a woken conversation, its lists and its event hold together after a crash.
local due = redis.call('ZRANGEBYSCORE', P .. 'snoozed', '-inf', NOW, 'LIMIT', 0, tonumber(ARGV[4]))
local woken = {}
for _, conv_id in ipairs(due) do
  j_zrem(P .. 'snoozed', conv_id)
  local state = conversation_state(conv_id)
  if state and state.status == 'snoozed' then
    local conv_key = P .. 'conv:' .. conv_id
    j_hset(conv_key, 'status', 'open')
    j_hdel(conv_key, 'snoozedUntil')
    reindex(conv_id, state, { status = 'open', assignee = state.assignee, queue = state.queue }, state.score)
    local seq = emit({ type = 'conversation.status_changed', conversationId = conv_id, previous = 'snoozed',
      status = 'open', actorId = 'system' })
    woken[#woken + 1] = conv_id
    woken[#woken + 1] = seq
  end
end
journal_done()
return woken
