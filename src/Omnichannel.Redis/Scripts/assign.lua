-- Assigns a conversation to an agent, or returns it to its queue. ARGV: 4 conversation id, 5 agent id ('' = none),
-- 6 reason, 7 actor id. Returns { previous, assignee, seq } (seq 0 when unchanged), nil when the conversation does not exist.
local conv_id, agent_id = ARGV[4], ARGV[5]
local state = conversation_state(conv_id)
if not state then
  return nil
end
if state.assignee == agent_id then
  return { state.assignee, agent_id, 0 }
end
local conv_key = P .. 'conv:' .. conv_id
if agent_id == '' then
  redis.call('HDEL', conv_key, 'assigneeId')
else
  redis.call('HSET', conv_key, 'assigneeId', agent_id)
end
redis.call('HSET', conv_key, 'assignedAt', NOW, 'assignReason', ARGV[6])
local new_state = { status = state.status, assignee = agent_id, queue = state.queue }
reindex(conv_id, state, new_state, state.score)
local seq = emit({ type = 'conversation.assigned', conversationId = conv_id, previousAssigneeId = state.assignee,
  assigneeId = agent_id, reason = ARGV[6], actorId = ARGV[7] })
return { state.assignee, agent_id, seq }
