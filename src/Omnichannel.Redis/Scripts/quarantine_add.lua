-- Sets one inbound item aside (RedisQuarantine). ARGV: 4 item key "{channel}:{account}:{item}", 5 entry id,
-- 6 channel, 7 account, 8 item id, 9 reason, 10 attempts, 11 raw size, 12 raw blob key ('' = none),
-- 13 raw bytes inline ('' = none).
-- Once per item: when the item is in quarantine already, returns that entry's id and writes nothing.
-- Returns the entry's id.
local items = P .. 'quarantine:items'
local existing = redis.call('HGET', items, ARGV[4])
if existing then
  return existing
end
local id = ARGV[5]
local key = P .. 'quarantine:' .. id
j_hset(key, 'id', id, 'channel', ARGV[6], 'account', ARGV[7], 'item', ARGV[8], 'reason', ARGV[9],
  'attempts', ARGV[10], 'at', NOW, 'rawBytes', ARGV[11], 'rawBlob', ARGV[12])
if ARGV[13] ~= '' then
  j_hset(key, 'raw', ARGV[13])
end
j_zadd(P .. 'quarantine', NOW_MS, id)
j_hset(items, ARGV[4], id)
-- Its tries are over: a retry from the admin API starts counting afresh.
local tries = P .. 'quarantine:tries:' .. ARGV[4]
-- Deleting both fields deletes the key: its roll-back must put back its expiry too, or it would stay for ever.
j_keep_ttl(tries)
j_hdel(tries, 'count')
j_hdel(tries, 'error')
audit({ type = 'quarantine.added', quarantineId = id, channel = ARGV[6], account = ARGV[7], item = ARGV[8],
  reason = ARGV[9], attempts = tonumber(ARGV[10]) })
journal_done()
return id
