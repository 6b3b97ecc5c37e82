-- Ends one session of an agent: the session and its index entry. Another agent's session is left alone.
-- Self-contained (journal.lua only).
-- ARGV: 1 session key, 2 the agent's index key, 3 agent id, 4 session id. Returns 1 ended, 0 not the agent's.
-- Journaled: the session and its index entry go together.
local session_key, index_key = ARGV[1], ARGV[2]
if redis.call('HGET', session_key, 'agentId') ~= ARGV[3] then
  return 0
end
j_del_hash(session_key)
j_zrem(index_key, ARGV[4])
journal_done()
return 1
