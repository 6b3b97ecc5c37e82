-- Takes one entry out of quarantine (RedisQuarantine): retried (stored now) or discarded by an admin, audited.
-- ARGV: 4 entry id, 5 'retried' | 'discarded', 6 actor (agent id).
-- Returns false when there is no such entry, else { channel, account, item, reason, attempts, at, raw size,
-- raw blob key, has inline raw ('1'|'0') }.
local id = ARGV[4]
local key = P .. 'quarantine:' .. id
local e = redis.call('HMGET', key, 'channel', 'account', 'item', 'reason', 'attempts', 'at', 'rawBytes', 'rawBlob')
if not e[1] then
  return false
end
local inline = redis.call('HEXISTS', key, 'raw') == 1 and '1' or '0'
for _, field in ipairs(redis.call('HKEYS', key)) do
  j_hdel(key, field)
end
j_zrem(P .. 'quarantine', id)
local item_key = e[1] .. ':' .. e[2] .. ':' .. e[3]
if redis.call('HGET', P .. 'quarantine:items', item_key) == id then
  j_hdel(P .. 'quarantine:items', item_key)
end
audit({ type = 'quarantine.' .. ARGV[5], quarantineId = id, actorId = ARGV[6], channel = e[1], account = e[2],
  item = e[3], reason = e[4] })
journal_done()
return { e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8] or '', inline }
