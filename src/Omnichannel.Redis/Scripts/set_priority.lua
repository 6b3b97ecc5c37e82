-- Sets a conversation's priority; the SLA keeper holds its clocks to the new targets when it reads the event.
-- ARGV: 4 conversation id, 5 priority, 6 actor id.
-- Returns { previous priority, new priority, seq } (seq 0 when unchanged), or nil when there is no such conversation.
local conv_key = P .. 'conv:' .. ARGV[4]
local state = conversation_state(ARGV[4])
if not state then
  return nil
end
local previous = redis.call('HGET', conv_key, 'priority') or 'normal'
if previous == ARGV[5] then
  return { previous, previous, 0 }
end
j_hset(conv_key, 'priority', ARGV[5])
local seq = emit({ type = 'conversation.priority_changed', conversationId = ARGV[4], previous = previous,
  priority = ARGV[5], actorId = ARGV[6] })
audit({ type = 'conversation.priority_changed', conversationId = ARGV[4], queue = state.queue, from = previous,
  to = ARGV[5], actorId = ARGV[6] })
journal_done()
return { previous, ARGV[5], seq }
