-- Creates an incident and lists it, with its audit entry. Journaled: an incident is never stored unlisted.
-- ARGV: 4 incident id, 5 actor id, then the incident's field/value pairs.
-- Returns 1, or 0 when an incident of that id exists already (nothing written).
local id = ARGV[4]
local key = P .. 'incident:' .. id
if redis.call('EXISTS', key) == 1 then
  return 0
end
local fields = {}
for i = 6, #ARGV do
  fields[#fields + 1] = ARGV[i]
end
j_hset(key, unpack(fields))
j_zadd(P .. 'incidents', NOW, id)
audit({ type = 'incident.created', incidentId = id, actorId = ARGV[5] })
journal_done()
return 1
