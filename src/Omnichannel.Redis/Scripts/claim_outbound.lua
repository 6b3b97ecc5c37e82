-- Claims the next outbound message of a channel for sending. ARGV: 4 channel.
-- Due retries rejoin the queue first; the claimed id moves to the in-flight list in the same step, so two
-- senders never take the same message and a crashed sender's message is found again (see recover).
-- Returns { message id, attempt number }, or nil when nothing is waiting.
-- Journaled (journal.lua): a retry is never both scheduled and queued, nor a claim made without its attempt.
local queue = P .. 'outbox:' .. ARGV[4]
local retry = queue .. ':retry'
local inflight = queue .. ':inflight'
local due = redis.call('ZRANGEBYSCORE', retry, '-inf', NOW, 'LIMIT', 0, 100)
for _, id in ipairs(due) do
  j_zrem(retry, id)
  j_rpush(queue, id)
end
local id = j_lmove_left_right(queue, inflight)
if not id then
  journal_done()
  return nil
end
local attempts = j_hincrby(P .. 'msg:' .. id, 'attempts', 1)
journal_done()
return { id, attempts }
