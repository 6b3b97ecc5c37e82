-- Telegram channel: takes or renews a bot's poller lease. Self-contained.
-- KEYS: 1 the lease. ARGV: 1 holder, 2 lifetime (ms). Returns 1 when the holder has the lease now, else 0.
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if holder then
  return 0
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
