-- Moves a conversation one tier up (to its queue's escalatesTo) or back down (to the queue it came from), all or
-- nothing (docs/sla.md, "Tiers and escalation"): it leaves its agent, changes queue and tier, records its path, and
-- is assigned in the new queue by the normal rules, never back to the agent it left.
-- The note is also left on the conversation as the actor's private note (for the next tier's agent to read first), in
-- the same script.
-- ARGV: 4 conversation id, 5 'up' | 'down', 6 actor id, 7 note ('' = none), 8 the private note's message id, 9 its
-- text ('' = no private note), 10 its author kind, 11 its author name ('' = none), 12 '1' when it is the escalation
-- a breach is owed (sla:escalate): done only while owed, and owed no more once done or refused.
-- Returns nil when there is no such conversation, { 0, problem } when it cannot move ('resolved', 'no-escalation',
-- 'not-escalated', 'queue-gone', 'not-owed'), else { 1, from queue, to queue, tier, escalation seq, note message id
-- ('' = none), note seq (0 = none), channel, conv, from, to, reason, seq, ... } with the assignment changes made
-- (conv, from agent, to agent, reason, seq).
local conv_id, up, actor = ARGV[4], ARGV[5] == 'up', ARGV[6]
local note = ARGV[7] ~= '' and ARGV[7] or nil
local owed_key = ARGV[12] == '1' and (P .. 'sla:escalate') or nil
if owed_key and not redis.call('ZSCORE', owed_key, conv_id) then
  return { 0, 'not-owed' }
end
local function refuse(problem)
  if owed_key then
    j_zrem(owed_key, conv_id)
    journal_done()
  end
  return { 0, problem }
end
local state = conversation_state(conv_id)
if not state then
  if owed_key then
    refuse('gone')
  end
  return nil
end
if state.status == 'resolved' then
  return refuse('resolved')
end
local conv_key = P .. 'conv:' .. conv_id
local path_json = redis.call('HGET', conv_key, 'tierPath')
local path = path_json and cjson.decode(path_json) or {}
local target
if up then
  target = redis.call('HGET', P .. 'queue:' .. state.queue, 'escalatesTo') or ''
  if target == '' then
    return refuse('no-escalation')
  end
  path[#path + 1] = state.queue
else
  if #path == 0 then
    return refuse('not-escalated')
  end
  target = table.remove(path)
end
local target_queue = queue_settings(target)
if not target_queue then
  return refuse('queue-gone')
end

local note_id, note_seq = '', 0
if ARGV[9] ~= '' then
  local fields = { 'text', ARGV[9] }
  if ARGV[11] ~= '' then
    fields[#fields + 1] = 'authorName'
    fields[#fields + 1] = ARGV[11]
  end
  note_id = ARGV[8]
  note_seq = append_message(conv_id, state, note_id, true, ARGV[10], actor, fields)
end

if owed_key then
  j_zrem(owed_key, conv_id)
end

local reason = up and 'escalated' or 'de-escalated'
local from_queue, left = state.queue, state.assignee
local changes = {}
if left ~= '' then
  changes[#changes + 1] = { conv_id, left, '', reason, assign_to(conv_id, state, '', reason, actor, note) }
  state = conversation_state(conv_id)
end

-- Into the new queue, waiting (reindex puts it in the queue's waiting sets).
local tier = redis.call('HGET', P .. 'queue:' .. target, 'tier') or 'L1'
j_hset(conv_key, 'queue', target, 'tier', tier, 'routeReason', reason)
if #path == 0 then
  j_hdel(conv_key, 'tierPath')
else
  j_hset(conv_key, 'tierPath', cjson.encode(path))
end
local moved = { status = state.status, assignee = '', queue = target, score = state.score, channel = state.channel }
reindex(conv_id, state, moved, state.score)
local seq = emit({ type = 'conversation.escalated', conversationId = conv_id, from = from_queue, to = target,
  tier = tier, direction = up and 'up' or 'down', actorId = actor })
audit({ type = up and 'conversation.escalated' or 'conversation.de_escalated', conversationId = conv_id,
  queue = target, from = from_queue, to = target, tier = tier, previousAssigneeId = left, note = note, actorId = actor })

-- Assigned there by the normal rules, but not to the agent it just left.
if moved.status == 'open' then
  local s = pick(target_queue.policy, member_states(target), left)
  if s then
    local current = conversation_state(conv_id)
    local assigned = assign_to(conv_id, current, s.id, reason, 'system', nil)
    j_hset(P .. 'agent:' .. s.id, 'rrAt', NOW)
    changes[#changes + 1] = { conv_id, '', s.id, reason, assigned }
  end
end
journal_done()
local out = { 1, from_queue, target, tier, seq, note_id, note_seq, state.channel }
for _, v in ipairs(flatten(changes)) do
  out[#out + 1] = v
end
return out
