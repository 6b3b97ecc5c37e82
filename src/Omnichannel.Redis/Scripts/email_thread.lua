-- Finds the thread of a new mail (see RedisMailboxState). ARGV: 1 mailbox prefix, 2 conversation id from our own
-- Message-ID token ('' = none), 3 subject key ('' = none), 4 the key of the reply that token names (its message
-- hash), 5.. candidate Message-IDs, most relevant first. The token counts only when the reply is an outbound message
-- of that conversation: a Message-ID a customer makes up with someone else's conversation id finds nothing.
local P = ARGV[1]
for i = 5, #ARGV do
  local thread = redis.call('HGET', P .. 'ids', ARGV[i])
  if thread then
    return thread
  end
end
local reply = ARGV[4] ~= '' and redis.call('HMGET', ARGV[4], 'conversationId', 'direction') or {}
if ARGV[2] ~= '' and reply[1] == ARGV[2] and reply[2] == 'out' then
  local thread = redis.call('HGET', P .. 'threads', ARGV[2])
  if thread then
    return thread
  end
end
if ARGV[3] ~= '' then
  return redis.call('GET', P .. 'subject:' .. ARGV[3])
end
return false
