-- Saves a canned response with its listing and its short code's guard. Self-contained (journal.lua only).
-- ARGV: 1 the response's key, 2 the set's key, 3 the short-code guard's key (hash), 4 JSON, 5 id,
-- 6 the new short code's scope field, 7 the JSON the caller decided on ('' when it expects none),
-- 8 that version's scope field ('' when none).
-- Returns 'changed' when the stored version is not the one expected (the caller's access check was about another
-- version), 'taken' when another response holds the scope's short code, else 'done'. Journaled: a response is never
-- stored unlisted or unguarded, and a code is never guarded for a response that no longer has it.
local current = redis.call('GET', ARGV[1]) or ''
if current ~= ARGV[7] then
  return 'changed'
end
local holder = redis.call('HGET', ARGV[3], ARGV[6])
if holder and holder ~= ARGV[5] then
  return 'taken'
end
if ARGV[8] ~= '' and ARGV[8] ~= ARGV[6] and redis.call('HGET', ARGV[3], ARGV[8]) == ARGV[5] then
  j_hdel(ARGV[3], ARGV[8])
end
j_set(ARGV[1], ARGV[4])
j_sadd(ARGV[2], ARGV[5])
j_hset(ARGV[3], ARGV[6], ARGV[5])
journal_done()
return 'done'
