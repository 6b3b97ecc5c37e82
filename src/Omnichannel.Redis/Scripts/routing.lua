-- Assignment rules, prepended after common.lua to the scripts that assign. They restate Omnichannel.Core.Assignment
-- (Eligibility, AssignmentSelector, QueueDrainer, Handover) so that selection and write happen in one script; the
-- store tests check both agree on random scenarios.

local PRESENCE = P .. 'presence'

local function queue_settings(queue_id)
  local f = redis.call('HMGET', P .. 'queue:' .. queue_id, 'id', 'policy', 'handover', 'timeoutMinutes')
  if not f[1] then
    return nil
  end
  return { id = queue_id, policy = f[2], handover = f[3], timeout = tonumber(f[4] or '') }
end

-- Whether one of the agent's shifts is on now. agent:{id}:shifts holds the agent's merged on-shift windows
-- "startMs:endMs" scored by end; merged windows do not overlap, so the first one ending after now decides.
local function on_shift(agent_id)
  local w = redis.call('ZRANGEBYSCORE', P .. 'agent:' .. agent_id .. ':shifts', '(' .. NOW, '+inf', 'LIMIT', 0, 1)
  if not w[1] then
    return false
  end
  local start = tonumber(string.match(w[1], '^(-?%d+):'))
  return start <= NOW_MS
end

local function is_present(agent_id)
  local until_ms = redis.call('ZSCORE', PRESENCE, agent_id)
  return until_ms ~= false and until_ms ~= nil and tonumber(until_ms) > NOW_MS
end

-- Everything the rules decide on for one agent (Core: AgentState).
local function agent_state(agent_id, member)
  local f = redis.call('HMGET', P .. 'agent:' .. agent_id, 'availability', 'paused', 'capacity', 'rrAt', 'id')
  return {
    id = agent_id,
    exists = f[5] ~= false and f[5] ~= nil,
    member = member,
    availability = f[1] or 'offline',
    paused = f[2] == '1',
    capacity = tonumber(f[3] or '0'),
    rr = tonumber(f[4] or ''),
    present = is_present(agent_id),
    on_shift = on_shift(agent_id),
    open = redis.call('ZCARD', P .. 'idx:agent:' .. agent_id .. ':open'),
  }
end

-- The first condition that fails, as Core's Ineligibility names it; 'none' when eligible.
local function ineligibility(s)
  if not s.member or not s.exists then
    return 'not-queue-member'
  end
  if not s.on_shift then
    return 'off-shift'
  end
  if s.availability ~= 'online' then
    return s.availability == 'busy' and 'busy' or 'offline'
  end
  if not s.present then
    return 'not-present'
  end
  if s.paused then
    return 'paused'
  end
  if s.open >= s.capacity then
    return 'at-capacity'
  end
  return 'none'
end

local function is_eligible(s)
  return ineligibility(s) == 'none'
end

-- Never assigned goes first; -1, 0, 1 like a comparer.
local function compare_rr(a, b)
  if a.rr == nil and b.rr == nil then return 0 end
  if a.rr == nil then return -1 end
  if b.rr == nil then return 1 end
  if a.rr < b.rr then return -1 end
  if a.rr > b.rr then return 1 end
  return 0
end

local function compare_open(a, b)
  if a.open < b.open then return -1 end
  if a.open > b.open then return 1 end
  return 0
end

-- True when a goes before b under the policy (ids are ASCII: Lua's byte order is C#'s ordinal order).
local function goes_before(policy, a, b)
  local c
  if policy == 'balanced' then
    c = compare_open(a, b)
    if c == 0 then c = compare_rr(a, b) end
  else
    c = compare_rr(a, b)
    if c == 0 then c = compare_open(a, b) end
  end
  if c ~= 0 then
    return c < 0
  end
  return a.id < b.id
end

local function member_states(queue_id)
  local states = {}
  for _, agent_id in ipairs(redis.call('SMEMBERS', P .. 'queue:' .. queue_id .. ':members')) do
    states[#states + 1] = agent_state(agent_id, true)
  end
  return states
end

-- The eligible state that goes next, skipping the agent id `except` ('' = none); nil when nobody is eligible.
local function pick(policy, states, except)
  local best = nil
  for _, s in ipairs(states) do
    if s.id ~= except and is_eligible(s) and (best == nil or goes_before(policy, s, best)) then
      best = s
    end
  end
  return best
end

local function selection_reason(policy)
  return policy == 'balanced' and 'balanced' or 'round-robin'
end

-- Hands a conversation (current state `state`) to agent_id ('' = back to its queue), with its event, audit entry,
-- activity entry and unanswered-timeout schedule. Returns the event's sequence, or 0 when nothing changed.
local function assign_to(conv_id, state, agent_id, reason, actor_id, note)
  if state.assignee == agent_id then
    return 0
  end
  local conv_key = P .. 'conv:' .. conv_id
  if agent_id == '' then
    j_hdel(conv_key, 'assigneeId')
  else
    j_hset(conv_key, 'assigneeId', agent_id)
  end
  j_hset(conv_key, 'assignedAt', NOW, 'assignReason', reason)
  j_hdel(conv_key, 'routeReason')
  local new_state = { status = state.status, assignee = agent_id, queue = state.queue, score = state.score, channel = state.channel }
  reindex(conv_id, state, new_state, state.score)
  if agent_id ~= '' and state.status == 'open' then
    local queue = queue_settings(state.queue)
    local unanswered = redis.call('HEXISTS', conv_key, 'unansweredSince') == 1
    if queue and queue.timeout and queue.timeout > 0 and unanswered then
      j_zadd(P .. 'timeouts', NOW_MS + queue.timeout * 60000, conv_id)
    end
  end
  local seq = emit({ type = 'conversation.assigned', conversationId = conv_id, previousAssigneeId = state.assignee,
    assigneeId = agent_id, reason = reason, actorId = actor_id })
  audit({ type = 'conversation.assigned', conversationId = conv_id, queue = state.queue, from = state.assignee,
    to = agent_id, reason = reason, actorId = actor_id, note = note })
  state.assignee = agent_id
  return seq
end

-- The first `room` conversations of the queue in drain order (Core: WaitingOrder): those with an SLA deadline,
-- earliest first, then the others by how long they wait.
local function waiting_order(queue_id, room)
  local waiting_key = P .. 'queue:' .. queue_id .. ':waiting'
  local order = redis.call('ZRANGE', waiting_key .. '-sla', 0, room - 1)
  if #order >= room then
    return order
  end
  local taken = {}
  for _, id in ipairs(order) do
    taken[id] = true
  end
  for _, id in ipairs(redis.call('ZRANGE', waiting_key, 0, room - 1 + #order)) do
    if #order >= room then
      break
    end
    if not taken[id] then
      order[#order + 1] = id
    end
  end
  return order
end

-- Assigns the queue's waiting conversations, nearest deadline then oldest first, while someone is eligible
-- (Core: QueueDrainer).
-- Appends { conversationId, from, to, reason, seq } tables to `changes`; returns it.
local function drain(queue_id, changes)
  -- Most drains (every heartbeat, every sweep) find nothing waiting: answer before reading any agent.
  if redis.call('EXISTS', P .. 'queue:' .. queue_id .. ':waiting') == 0 then
    return changes
  end
  local queue = queue_settings(queue_id)
  if not queue then
    return changes
  end
  local states = member_states(queue_id)
  local room = 0
  for _, s in ipairs(states) do
    if is_eligible(s) then
      room = room + s.capacity - s.open
    end
  end
  if room <= 0 then
    return changes
  end
  local waiting = waiting_order(queue_id, room)
  for _, conv_id in ipairs(waiting) do
    local s = pick(queue.policy, states, '')
    if not s then
      break
    end
    local state = conversation_state(conv_id)
    if state and is_waiting(state) then
      local reason = redis.call('HGET', P .. 'conv:' .. conv_id, 'routeReason') or selection_reason(queue.policy)
      local seq = assign_to(conv_id, state, s.id, reason, 'system', nil)
      j_hset(P .. 'agent:' .. s.id, 'rrAt', NOW)
      s.open = s.open + 1
      s.rr = NOW_MS
      changes[#changes + 1] = { conv_id, '', s.id, reason, seq }
    else
      -- Not waiting any more (a stale entry): drop it rather than let it block the queue.
      j_zrem(P .. 'queue:' .. queue_id .. ':waiting', conv_id)
      j_zrem(P .. 'queue:' .. queue_id .. ':waiting-sla', conv_id)
    end
  end
  return changes
end

-- The queues an agent is a member of (agent:{id} field queues, a JSON array).
local function agent_queues(agent_id)
  local json = redis.call('HGET', P .. 'agent:' .. agent_id, 'queues')
  if not json then
    return {}
  end
  return cjson.decode(json)
end

-- Flattens change tables into the reply: { conv, from, to, reason, seq, conv, from, ... }.
local function flatten(changes)
  local out = {}
  for _, c in ipairs(changes) do
    for _, v in ipairs(c) do
      out[#out + 1] = v
    end
  end
  return out
end

-- Core: Handover.Decide. Off shift and the policy says so: the agent's open conversations of the queue go back to
-- it, marked so that the drain that hands them on records reason 'handover'.
local function handover_agent(queue, s, changes)
  if s.on_shift or queue.handover == 'keep' then
    return changes
  end
  local offline = s.availability == 'offline' or not s.present
  if queue.handover ~= 'requeue' and not offline then
    return changes
  end
  for _, conv_id in ipairs(redis.call('ZRANGE', P .. 'idx:agent:' .. s.id .. ':open', 0, -1)) do
    local state = conversation_state(conv_id)
    if state and state.queue == queue.id and state.status == 'open' then
      local seq = assign_to(conv_id, state, '', 'handover', 'system', nil)
      j_hset(P .. 'conv:' .. conv_id, 'routeReason', 'handover')
      changes[#changes + 1] = { conv_id, s.id, '', 'handover', seq }
    end
  end
  return changes
end

-- Drains every queue the agent is a member of: capacity may have appeared.
local function drain_agent_queues(agent_id, changes)
  for _, queue_id in ipairs(agent_queues(agent_id)) do
    drain(queue_id, changes)
  end
  return changes
end
