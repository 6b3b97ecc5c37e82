-- Records a session's use and moves its expiry, and its agent's index's: every touch moves the index's expiry to the
-- latest session's, so the index never expires before a session it lists. Self-contained (journal.lua only).
-- ARGV: 1 session key, 2 the agent's index key, 3 last seen (ms), 4 idle timeout (ms). Returns 1, or 0 when gone.
-- Journaled: the session's and the index's expiries move together.
local session_key, index_key = ARGV[1], ARGV[2]
if redis.call('EXISTS', session_key) == 0 then
  return 0
end
j_hset(session_key, 'lastSeenAt', ARGV[3])
j_pexpire(session_key, ARGV[4])
j_pexpire(index_key, ARGV[4])
journal_done()
return 1
