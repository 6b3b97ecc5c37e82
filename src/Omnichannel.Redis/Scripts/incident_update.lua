-- Changes an incident's title, description and tracker URL, with its audit entry. Journaled.
-- ARGV: 4 incident id, 5 actor id, 6 title, 7 description, 8 tracker URL ('' for none).
-- Returns 1, or 0 when there is no such incident.
local id = ARGV[4]
local key = P .. 'incident:' .. id
if redis.call('EXISTS', key) == 0 then
  return 0
end
j_hset(key, 'title', ARGV[6], 'description', ARGV[7])
if ARGV[8] == '' then
  j_hdel(key, 'trackerUrl')
else
  j_hset(key, 'trackerUrl', ARGV[8])
end
audit({ type = 'incident.changed', incidentId = id, actorId = ARGV[5] })
journal_done()
return 1
