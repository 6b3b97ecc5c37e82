-- Moves conversations between agents all-or-nothing (a lead's rebalance or bulk move).
-- ARGV: 4 queue id, 5 reason, 6 actor id, 7 respect capacity ('1'|'0'), 8 note ('' = none), then triples
-- conversation id, from agent, to agent ('' = back to the queue).
-- Returns { 1, conv, from, to, reason, seq, ... } when applied, { 0, conversation id, problem } when a move no longer
-- holds (the conversation changed hands, left the queue or closed, is being typed in, or the target is full).
local queue_id, reason, actor, check_capacity = ARGV[4], ARGV[5], ARGV[6], ARGV[7] == '1'
local note = ARGV[8] ~= '' and ARGV[8] or nil
local moves, incoming, seen = {}, {}, {}
for i = 9, #ARGV, 3 do
  local conv_id, from, to = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  if seen[conv_id] then
    return { 0, conv_id, 'listed-twice' }
  end
  seen[conv_id] = true
  local state = conversation_state(conv_id)
  if not state or state.queue ~= queue_id or state.status ~= 'open' then
    return { 0, conv_id, 'not-open-in-queue' }
  end
  if state.assignee ~= from then
    return { 0, conv_id, 'assignee-changed' }
  end
  if redis.call('EXISTS', P .. 'typing:' .. conv_id) == 1 then
    return { 0, conv_id, 'being-typed-in' }
  end
  if to ~= '' then
    if redis.call('EXISTS', P .. 'agent:' .. to) == 0 then
      return { 0, conv_id, 'unknown-agent' }
    end
    incoming[to] = (incoming[to] or 0) + 1
  end
  if from ~= '' then
    incoming[from] = (incoming[from] or 0) - 1
  end
  moves[#moves + 1] = { conv_id, state, from, to }
end
if check_capacity then
  for agent_id, delta in pairs(incoming) do
    if delta > 0 then
      local f = redis.call('HMGET', P .. 'agent:' .. agent_id, 'capacity')
      local open = redis.call('ZCARD', P .. 'idx:agent:' .. agent_id .. ':open')
      if open + delta > tonumber(f[1] or '0') then
        return { 0, agent_id, 'over-capacity' }
      end
    end
  end
end
local out = { 1 }
for _, m in ipairs(moves) do
  local seq = assign_to(m[1], m[2], m[4], reason, actor, note)
  for _, v in ipairs({ m[1], m[3], m[4], reason, seq }) do
    out[#out + 1] = v
  end
end
journal_done()
return out
