-- Changes what decides an agent's eligibility, then acts on it in the same script: capacity that appeared drains the
-- agent's queues, an agent who went offline off shift hands over per each queue's policy.
-- ARGV: 4 agent id, 5 operation, 6 value, 7 actor id, 8 presence lifetime (ms).
--   availability  value 'online'|'busy'|'offline' (also a heartbeat unless offline)
--   heartbeat     value ignored
--   leave         value ignored: the agent's last connection closed (presence ends now)
--   paused        value '1'|'0'
--   capacity      value the new capacity
--   shifts        value "start:end,start:end,..." merged on-shift windows in ms ('' = none)
-- Returns { found (0|1), previous value, changes flattened { conv, from, to, reason, seq, ... } }.
-- Journaled (journal.lua): the change and the assignments it causes hold together after a crash.
local agent_id, op, value, actor = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local lifetime = tonumber(ARGV[8])
local agent_key = P .. 'agent:' .. agent_id
if redis.call('EXISTS', agent_key) == 0 then
  return { 0, '', {} }
end
local previous = ''
if op == 'availability' then
  previous = redis.call('HGET', agent_key, 'availability') or 'offline'
  j_hset(agent_key, 'availability', value)
  if value == 'offline' then
    j_zrem(PRESENCE, agent_id)
  else
    j_zadd(PRESENCE, NOW_MS + lifetime, agent_id)
  end
  if previous ~= value then
    audit({ type = 'agent.availability', agentId = agent_id, from = previous, to = value, actorId = actor })
  end
elseif op == 'heartbeat' then
  previous = redis.call('ZSCORE', PRESENCE, agent_id) or ''
  j_zadd(PRESENCE, NOW_MS + lifetime, agent_id)
elseif op == 'leave' then
  previous = redis.call('ZSCORE', PRESENCE, agent_id) or ''
  j_zrem(PRESENCE, agent_id)
elseif op == 'paused' then
  previous = redis.call('HGET', agent_key, 'paused') or '0'
  j_hset(agent_key, 'paused', value)
  if previous ~= value then
    audit({ type = value == '1' and 'agent.paused' or 'agent.resumed', agentId = agent_id, actorId = actor })
  end
elseif op == 'capacity' then
  previous = redis.call('HGET', agent_key, 'capacity') or '0'
  j_hset(agent_key, 'capacity', value)
  if previous ~= value then
    audit({ type = 'agent.capacity', agentId = agent_id, from = tonumber(previous), to = tonumber(value), actorId = actor })
  end
elseif op == 'shifts' then
  local key = agent_key .. ':shifts'
  j_del_zset(key)
  for window in string.gmatch(value, '[^,]+') do
    local _, stop = string.match(window, '^(-?%d+):(-?%d+)$')
    j_zadd(key, stop, window)
  end
else
  return redis.error_reply('unknown presence operation ' .. op)
end

local changes = {}
local queues = agent_queues(agent_id)
local s = agent_state(agent_id, true)
if s.on_shift then
  drain_agent_queues(agent_id, changes)
elseif s.availability == 'offline' or not s.present then
  for _, queue_id in ipairs(queues) do
    local queue = queue_settings(queue_id)
    if queue and redis.call('SISMEMBER', P .. 'queue:' .. queue_id .. ':members', agent_id) == 1 then
      handover_agent(queue, s, changes)
      drain(queue_id, changes)
    end
  end
end
journal_done()
return { 1, previous, flatten(changes) }
