-- The email channel's record of one mail, in one step (see RedisMailboxState). ARGV: 1 mailbox prefix
-- "oc:{ws}:email:{mailbox}:", 2 UIDVALIDITY, 3 UID ('' = leave the cursor), 4 Message-ID ('' = none),
-- 5 thread key, 6 conversation id ('' = none), 7 subject key ('' = none), 8 subject window (ms).
-- The cursor only moves forward within one UIDVALIDITY; a Message-ID joins its thread's References list once.
-- Prefixed with journal.lua only: after a crash the cursor never stands past a mail whose thread was not recorded.
local P = ARGV[1]
if ARGV[3] ~= '' then
  local cursor = redis.call('HMGET', P .. 'cursor', 'uidvalidity', 'uid')
  if cursor[1] ~= ARGV[2] or tonumber(cursor[2] or '0') < tonumber(ARGV[3]) then
    j_hset(P .. 'cursor', 'uidvalidity', ARGV[2], 'uid', ARGV[3])
  end
end
if ARGV[4] ~= '' and ARGV[5] ~= '' and j_hsetnx(P .. 'ids', ARGV[4], ARGV[5]) == 1 then
  local refs = P .. 'refs:' .. ARGV[5]
  j_rpush(refs, ARGV[4])
  j_ltrim_newest(refs, 50)
end
if ARGV[6] ~= '' and ARGV[5] ~= '' then
  j_hsetnx(P .. 'threads', ARGV[6], ARGV[5])
end
if ARGV[7] ~= '' and ARGV[5] ~= '' then
  j_set_px(P .. 'subject:' .. ARGV[7], ARGV[5], ARGV[8])
end
journal_done()
return 1
