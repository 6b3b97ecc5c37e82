-- Telegram channel: moves a bot's getUpdates offset forward, never back (a slow node finishing an old batch after a
-- takeover must not make the new poller fetch acknowledged updates again). Self-contained.
-- KEYS: 1 the offset. ARGV: 1 the new offset. Returns the offset now stored.
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local offset = tonumber(ARGV[1])
if offset > current then
  redis.call('SET', KEYS[1], ARGV[1])
  return offset
end
return current
