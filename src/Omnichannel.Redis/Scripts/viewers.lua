-- Sets or removes one hub connection's entry among a conversation's viewers, prunes entries past their time (a
-- node that died cannot remove its own) and returns the live ones. Self-contained (journal.lua only).
-- ARGV: 1 the viewers key, 2 connection id, 3 JSON or '' (remove), 4 now ms, 5 lifetime ms.
-- Returns field/value pairs of the live entries. Journaled: the entry, the expiry and the pruning hold together.
local key = ARGV[1]
local now, lifetime = tonumber(ARGV[4]), tonumber(ARGV[5])
-- Removing the last field removes the key and its expiry: the roll-back restores the expiry the key had.
j_keep_ttl(key)
if ARGV[3] == '' then
  j_hdel(key, ARGV[2])
else
  j_hset(key, ARGV[2], ARGV[3])
  j_pexpire(key, lifetime)
end
local live = {}
local all = redis.call('HGETALL', key)
for i = 1, #all, 2 do
  local entry = cjson.decode(all[i + 1])
  if tonumber(entry['until']) > now then
    live[#live + 1] = all[i]
    live[#live + 1] = all[i + 1]
  else
    j_hdel(key, all[i])
  end
end
journal_done()
return live
