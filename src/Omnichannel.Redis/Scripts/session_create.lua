-- Creates an agent's sign-in session and lists it in the agent's index, pruning ids of sessions that expired on
-- their own. Self-contained (journal.lua only).
-- ARGV: 1 prefix, 2 idle timeout (ms), 3 session id, 4 created (ms), 5 agent id, 6.. field/value pairs.
-- Journaled: a session is never left out of its agent's index (signing out everywhere would miss it).
local P, timeout, session_id = ARGV[1], ARGV[2], ARGV[3]
local session_key = P .. 'session:' .. session_id
local index_key = P .. 'agent:' .. ARGV[5] .. ':sessions'
j_hset(session_key, unpack(ARGV, 6))
j_pexpire(session_key, timeout)
for _, id in ipairs(redis.call('ZRANGE', index_key, 0, -1)) do
  if redis.call('EXISTS', P .. 'session:' .. id) == 0 then
    j_zrem(index_key, id)
  end
end
j_zadd(index_key, ARGV[4], session_id)
j_pexpire(index_key, timeout)
journal_done()
return 1
