-- Takes or renews a lease (a mailbox's poller, the SLA keeper). ARGV: 1 lease key, 2 holder, 3 lifetime (ms), 4 '1' to release instead.
-- Returns 1 when the caller holds it (or released it), 0 when another node does.
local holder = redis.call('GET', ARGV[1])
if ARGV[4] == '1' then
  if holder == ARGV[2] then
    redis.call('DEL', ARGV[1])
  end
  return 1
end
if holder and holder ~= ARGV[2] then
  return 0
end
redis.call('SET', ARGV[1], ARGV[2], 'PX', ARGV[3])
return 1
