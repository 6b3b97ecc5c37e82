-- Claims the next outbound message of a channel for sending. ARGV: 4 channel.
-- Due retries rejoin the queue first; the claimed id moves to the in-flight list in the same step, so two
-- senders never take the same message and a crashed sender's message is found again (see recover).
-- Returns { message id, attempt number }, or nil when nothing is waiting.
local queue = P .. 'outbox:' .. ARGV[4]
local retry = queue .. ':retry'
local inflight = queue .. ':inflight'
local due = redis.call('ZRANGEBYSCORE', retry, '-inf', NOW, 'LIMIT', 0, 100)
for _, id in ipairs(due) do
  redis.call('ZREM', retry, id)
  redis.call('RPUSH', queue, id)
end
local id = redis.call('LMOVE', queue, inflight, 'LEFT', 'RIGHT')
if not id then
  return nil
end
local attempts = redis.call('HINCRBY', P .. 'msg:' .. id, 'attempts', 1)
return { id, attempts }
