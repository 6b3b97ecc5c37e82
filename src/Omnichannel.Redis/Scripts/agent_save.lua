-- Creates or updates an agent. Queue membership lives in the agent's queues field and, as an index the
-- assignment scripts read, in queue:{q}:members: both change here together. Self-contained (journal.lua only).
-- ARGV: 1 prefix, 2 agent id, 3 normalized email (the uniqueness guard agents:by-email, create only),
-- 4 queues JSON, 5 create ('1') or update ('0'), 6.. field/value pairs.
-- Returns 1 saved, 0 when the email belongs to an agent already (create) or the agent does not exist (update).
-- Journaled: the guard, the hash, the agents set and both sides of every membership hold together after a crash.
local P, agent_id = ARGV[1], ARGV[2]
local agent_key = P .. 'agent:' .. agent_id
local old_queues = nil
if ARGV[5] == '1' then
  if j_hsetnx(P .. 'agents:by-email', ARGV[3], agent_id) == 0 then
    return 0
  end
else
  if redis.call('EXISTS', agent_key) == 0 then
    return 0
  end
  old_queues = redis.call('HGET', agent_key, 'queues')
end
j_hset(agent_key, unpack(ARGV, 6))
if ARGV[5] == '1' then
  j_sadd(P .. 'agents', agent_id)
end
for _, q in ipairs(cjson.decode(old_queues or '[]')) do
  j_srem(P .. 'queue:' .. q .. ':members', agent_id)
end
for _, q in ipairs(cjson.decode(ARGV[4])) do
  j_sadd(P .. 'queue:' .. q .. ':members', agent_id)
end
journal_done()
return 1
