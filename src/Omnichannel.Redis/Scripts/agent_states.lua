-- Reads what assignment decides on for agents of a queue, without changing anything (the lead's board, tests).
-- ARGV: 4 queue id, 5.. agent ids (none = the queue's members).
-- Returns { next agent id or '', then per agent: id, availability, present, onShift, paused, open, capacity, rrAt ('' = never),
-- member, ineligibility, presence until ('' = none) }.
local queue = queue_settings(ARGV[4])
local members_key = P .. 'queue:' .. ARGV[4] .. ':members'
local states = {}
if #ARGV >= 5 then
  for i = 5, #ARGV do
    states[#states + 1] = agent_state(ARGV[i], redis.call('SISMEMBER', members_key, ARGV[i]) == 1)
  end
else
  states = member_states(ARGV[4])
end
local next_agent = ''
if queue then
  local s = pick(queue.policy, states, '')
  next_agent = s and s.id or ''
end
local out = { next_agent }
for _, s in ipairs(states) do
  local presence = redis.call('ZSCORE', PRESENCE, s.id)
  for _, v in ipairs({ s.id, s.availability, s.present and 1 or 0, s.on_shift and 1 or 0, s.paused and 1 or 0, s.open,
    s.capacity, s.rr and tostring(s.rr) or '', s.member and 1 or 0, ineligibility(s), presence or '' }) do
    out[#out + 1] = v
  end
end
return out
