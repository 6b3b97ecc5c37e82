-- Finds the thread of a new mail (see RedisMailboxState). ARGV: 1 mailbox prefix, 2 conversation id from our own
-- Message-ID token ('' = none), 3 subject key ('' = none), 4.. candidate Message-IDs, most relevant first.
local P = ARGV[1]
for i = 4, #ARGV do
  local thread = redis.call('HGET', P .. 'ids', ARGV[i])
  if thread then
    return thread
  end
end
if ARGV[2] ~= '' then
  local thread = redis.call('HGET', P .. 'threads', ARGV[2])
  if thread then
    return thread
  end
end
if ARGV[3] ~= '' then
  return redis.call('GET', P .. 'subject:' .. ARGV[3])
end
return false
