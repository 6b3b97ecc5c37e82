-- Creates or updates a queue and, when members are given, sets its membership (agent:{id}.queues and
-- queue:{id}:members together), then drains it. ARGV: 4 id, 5 name, 6 policy, 7 handover, 8 timeout minutes ('' = none),
-- 9 actor id, 10 create only ('1'|'0'), 11 members given ('1'|'0'), 12 SLA policy id ('' = none), 13 tier,
-- 14 escalates-to queue id ('' = none), 15.. member agent ids.
-- Returns { 1 created | 0 updated | -1 exists (create only), unknown member id or '', changes flattened }.
-- Journaled (journal.lua): the settings, both sides of the membership and the drain hold together after a crash.
local queue_id = ARGV[4]
local queue_key = P .. 'queue:' .. queue_id
local members_key = queue_key .. ':members'
local exists = redis.call('EXISTS', queue_key) == 1
if exists and ARGV[10] == '1' then
  return { -1, '', {} }
end
local wanted = {}
if ARGV[11] == '1' then
  for i = 15, #ARGV do
    if redis.call('EXISTS', P .. 'agent:' .. ARGV[i]) == 0 then
      return { 0, ARGV[i], {} }
    end
    wanted[ARGV[i]] = true
  end
end

j_hset(queue_key, 'id', queue_id, 'name', ARGV[5], 'policy', ARGV[6], 'handover', ARGV[7],
  'timeoutMinutes', ARGV[8], 'slaPolicy', ARGV[12], 'tier', ARGV[13], 'escalatesTo', ARGV[14], 'updatedAt', NOW)
j_hsetnx(queue_key, 'createdAt', NOW)
j_sadd(P .. 'queues', queue_id)

local function set_agent_queues(agent_id, add)
  local agent_key = P .. 'agent:' .. agent_id
  local queues = cjson.decode(redis.call('HGET', agent_key, 'queues') or '[]')
  local kept = {}
  for _, q in ipairs(queues) do
    if q ~= queue_id then
      kept[#kept + 1] = q
    end
  end
  if add then
    kept[#kept + 1] = queue_id
  end
  -- cjson encodes an empty table as an object; the agent's queues are always an array.
  j_hset(agent_key, 'queues', #kept == 0 and '[]' or cjson.encode(kept))
end

if ARGV[11] == '1' then
  for _, agent_id in ipairs(redis.call('SMEMBERS', members_key)) do
    if not wanted[agent_id] then
      j_srem(members_key, agent_id)
      set_agent_queues(agent_id, false)
    end
  end
  for agent_id in pairs(wanted) do
    if j_sadd(members_key, agent_id) == 1 then
      set_agent_queues(agent_id, true)
    end
  end
end
audit({ type = exists and 'queue.updated' or 'queue.created', queue = queue_id, actorId = ARGV[9] })
local changes = drain(queue_id, {})
journal_done()
return { exists and 0 or 1, '', flatten(changes) }
