-- The email channel's record of one mail, in one step (see RedisMailboxState). ARGV: 1 mailbox prefix
-- "oc:{ws}:email:{mailbox}:", 2 UIDVALIDITY, 3 UID ('' = leave the cursor), 4 Message-ID ('' = none),
-- 5 thread key, 6 conversation id ('' = none), 7 subject key ('' = none), 8 subject window (ms).
-- The cursor only moves forward within one UIDVALIDITY; a Message-ID joins its thread's References list once.
local P = ARGV[1]
if ARGV[3] ~= '' then
  local cursor = redis.call('HMGET', P .. 'cursor', 'uidvalidity', 'uid')
  if cursor[1] ~= ARGV[2] or tonumber(cursor[2] or '0') < tonumber(ARGV[3]) then
    redis.call('HSET', P .. 'cursor', 'uidvalidity', ARGV[2], 'uid', ARGV[3])
  end
end
if ARGV[4] ~= '' and ARGV[5] ~= '' and redis.call('HSETNX', P .. 'ids', ARGV[4], ARGV[5]) == 1 then
  local refs = P .. 'refs:' .. ARGV[5]
  redis.call('RPUSH', refs, ARGV[4])
  redis.call('LTRIM', refs, -50, -1)
end
if ARGV[6] ~= '' and ARGV[5] ~= '' then
  redis.call('HSETNX', P .. 'threads', ARGV[6], ARGV[5])
end
if ARGV[7] ~= '' and ARGV[5] ~= '' then
  redis.call('SET', P .. 'subject:' .. ARGV[7], ARGV[5], 'PX', ARGV[8])
end
return 1
