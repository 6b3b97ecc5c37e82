-- Reassigns conversations whose assignee has not answered within the queue's unanswered timeout.
-- ARGV: 4 max count. Returns the changes, flattened { conv, from, to, reason, seq, ... }.
-- Journaled (journal.lua): each reassignment, its lists, its event and the schedule hold together after a crash.
local changes = {}
local due = redis.call('ZRANGEBYSCORE', P .. 'timeouts', '-inf', NOW, 'LIMIT', 0, tonumber(ARGV[4]))
for _, conv_id in ipairs(due) do
  j_zrem(P .. 'timeouts', conv_id)
  local state = conversation_state(conv_id)
  local queue = state and queue_settings(state.queue)
  local unanswered = state and redis.call('HEXISTS', P .. 'conv:' .. conv_id, 'unansweredSince') == 1
  if queue and queue.timeout and queue.timeout > 0 and unanswered and state.status == 'open' and state.assignee ~= '' then
    local s = pick(queue.policy, member_states(queue.id), state.assignee)
    if s then
      local from = state.assignee
      local seq = assign_to(conv_id, state, s.id, 'timeout', 'system', nil)
      j_hset(P .. 'agent:' .. s.id, 'rrAt', NOW)
      changes[#changes + 1] = { conv_id, from, s.id, 'timeout', seq }
    else
      -- Nobody else can take it now: it stays, and is looked at again after another timeout.
      j_zadd(P .. 'timeouts', NOW_MS + queue.timeout * 60000, conv_id)
    end
  end
end
journal_done()
return flatten(changes)
