-- Applies a queue's handover policy to its members who are off shift, then drains the queue so the requeued
-- conversations reach the incoming shift. ARGV: 4 queue id, 5 agent id ('' = every member).
-- Returns the changes, flattened { conv, from, to, reason, seq, ... } (unassignments have to = '').
local queue = queue_settings(ARGV[4])
if not queue then
  return {}
end
local changes = {}
if ARGV[5] == '' then
  for _, s in ipairs(member_states(queue.id)) do
    handover_agent(queue, s, changes)
  end
elseif redis.call('SISMEMBER', P .. 'queue:' .. queue.id .. ':members', ARGV[5]) == 1 then
  handover_agent(queue, agent_state(ARGV[5], true), changes)
end
drain(queue.id, changes)
journal_done()
return flatten(changes)
