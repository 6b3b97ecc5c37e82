-- Records how far an outbound message got. ARGV: 4 message id, 5 state (sent|delivered|failed|pending), 6 error ('' = none).
-- Delivered is final: a late "sent" or "failed" report never undoes it. Private notes and inbound messages have no delivery.
-- Returns { previous state, seq } (seq 0 = unchanged, -1 = not an outbound message), nil when the message does not exist.
-- Journaled (journal.lua): the state and its event hold together after a crash.
local key = P .. 'msg:' .. ARGV[4]
local f = redis.call('HMGET', key, 'direction', 'private', 'delivery', 'conversationId')
if not f[1] then
  return nil
end
if f[1] ~= 'out' or f[2] == '1' then
  return { f[3], -1 }
end
local state = ARGV[5]
if f[3] == 'delivered' or (f[3] == state and ARGV[6] == '') then
  return { f[3], 0 }
end
j_hset(key, 'delivery', state, 'deliveryUpdatedAt', NOW)
if ARGV[6] ~= '' then
  j_hset(key, 'deliveryError', ARGV[6])
else
  j_hdel(key, 'deliveryError')
end
local seq = emit({ type = 'message.delivery', conversationId = f[4], messageId = ARGV[4], delivery = state })
journal_done()
return { f[3], seq }
