-- Assigns a conversation to an agent, or returns it to its queue. ARGV: 4 conversation id, 5 agent id ('' = none),
-- 6 reason, 7 actor id, 8 note ('' = none). Returns { previous, assignee, seq } (seq 0 when unchanged), nil when the
-- conversation does not exist.
local conv_id, agent_id = ARGV[4], ARGV[5]
local state = conversation_state(conv_id)
if not state then
  return nil
end
local previous = state.assignee
local seq = assign_to(conv_id, state, agent_id, ARGV[6], ARGV[7], ARGV[8] ~= '' and ARGV[8] or nil)
journal_done()
return { previous, agent_id, seq }
