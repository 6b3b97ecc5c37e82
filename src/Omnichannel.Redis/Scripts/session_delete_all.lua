-- Ends every session of an agent but one (or all): each session with its index entry.
-- Self-contained (journal.lua only).
-- ARGV: 1 prefix, 2 the agent's index key, 3 session id to keep ('' for none). Returns how many sessions ended.
-- Journaled: a crash part way through ends none of them (the caller's retry ends them all).
local P, index_key = ARGV[1], ARGV[2]
local ended = 0
for _, id in ipairs(redis.call('ZRANGE', index_key, 0, -1)) do
  if id ~= ARGV[3] then
    ended = ended + j_del_hash(P .. 'session:' .. id)
    j_zrem(index_key, id)
  end
end
journal_done()
return ended
