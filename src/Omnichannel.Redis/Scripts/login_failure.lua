-- Counts a failed sign-in of an email from one address and from anywhere. Window and lockout run on the caller's
-- clock (TimeProvider), not Redis's, so they are testable; the keys' TTL only cleans up. Only the pair ever locks.
-- Self-contained (journal.lua only).
-- ARGV: 1 the (email, address) pair's key, 2 the email's key (from anywhere), 3 now, 4 window, 5 max failures,
-- 6 lockout (ms). Returns { failures of the pair, pair locked until (ms, 0: never), failures of the email }.
-- Journaled: both counts and the lockout hold together after a crash.
local pair_key, account_key = ARGV[1], ARGV[2]
local now, window, max, lockout = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local function count_failure(key)
  local f = redis.call('HMGET', key, 'count', 'firstAt')
  local count, first = tonumber(f[1] or '0'), tonumber(f[2] or '0')
  if first + window <= now then
    count = 0
    first = now
  end
  count = count + 1
  j_hset(key, 'count', count, 'firstAt', first)
  j_pexpire(key, math.max(window, lockout) + 86400000)
  return count
end
local count = count_failure(pair_key)
local locked = tonumber(redis.call('HGET', pair_key, 'lockedUntil') or '0')
if count >= max then
  locked = now + lockout
  j_hset(pair_key, 'lockedUntil', locked)
end
local account = count_failure(account_key)
journal_done()
return { count, locked, account }
