-- Deletes a canned response with its listing and its short code's guard. Self-contained (journal.lua only).
-- ARGV: 1 the response's key, 2 the set's key, 3 the short-code guard's key (hash), 4 id, 5 the JSON the caller
-- decided on, 6 its scope field. Returns 'changed' when the stored version is not that one, else 'done'. Journaled.
if (redis.call('GET', ARGV[1]) or '') ~= ARGV[5] then
  return 'changed'
end
j_del(ARGV[1])
j_srem(ARGV[2], ARGV[4])
if redis.call('HGET', ARGV[3], ARGV[6]) == ARGV[4] then
  j_hdel(ARGV[3], ARGV[6])
end
journal_done()
return 'done'
